"""The page tree is a contract: phases only under the home page, steps only under phases."""

import pytest
from wagtail.models import Page

from fases.models import FasePage, HomePage, StapPage
from kern.models import InformatiePagina


def test_home_page_sits_at_the_root_only():
    assert HomePage.allowed_parent_page_models() == [Page]
    assert set(HomePage.allowed_subpage_models()) == {FasePage, InformatiePagina}


def test_phase_pages_only_under_the_home_page_and_hold_only_steps():
    assert FasePage.allowed_parent_page_models() == [HomePage]
    assert FasePage.allowed_subpage_models() == [StapPage]


def test_step_pages_only_under_a_phase_and_have_no_children():
    assert StapPage.allowed_parent_page_models() == [FasePage]
    assert StapPage.allowed_subpage_models() == []


def test_information_pages_only_under_the_home_page():
    assert InformatiePagina.allowed_parent_page_models() == [HomePage]
    assert InformatiePagina.allowed_subpage_models() == []


@pytest.mark.django_db
def test_what_can_be_created_where_in_the_demo_tree():
    home = HomePage.objects.get(locale__language_code="nl")
    phase = FasePage.objects.get(locale__language_code="nl", slug="beschermen")
    step = StapPage.objects.child_of(phase).first()
    root = Page.get_first_root_node()

    assert FasePage.can_create_at(home)
    assert not FasePage.can_create_at(phase)
    assert not FasePage.can_create_at(root)
    assert StapPage.can_create_at(phase)
    assert not StapPage.can_create_at(home)
    assert not StapPage.can_create_at(step)
    assert InformatiePagina.can_create_at(home)
    assert not InformatiePagina.can_create_at(phase)
    # One home page: a second one cannot be created at the root.
    assert not HomePage.can_create_at(root)
