"""The server-side page cache's keys, purges and races (treatments_cms.cache)."""

import pytest
from django.http import HttpResponse

from treatments_cms.cache import (
    HIT_HEADER,
    PageCacheMiddleware,
    clear,
    mark_page,
    purge_urls,
)


@pytest.fixture
def cache_on(settings):
    settings.TREATMENTS_CMS_PAGE_CACHE_SECONDS = 300


def serving(page, body):
    def get_response(request):
        mark_page(request, page)
        return HttpResponse(body)

    return PageCacheMiddleware(get_response)


def test_a_purge_during_rendering_never_stores_the_old_page(rf, cache_on, site_tree):
    def render_while_content_changes(request):
        mark_page(request, site_tree.home)
        purge_urls(["http://localhost/"])  # published while this page rendered
        return HttpResponse("old")

    PageCacheMiddleware(render_while_content_changes)(rf.get("/"))

    response = serving(site_tree.home, "new")(rf.get("/"))
    assert response[HIT_HEADER] == "miss"
    assert response.content == b"new"


def test_a_purge_drops_every_query_string_of_the_path(rf, cache_on, site_tree):
    middleware = serving(site_tree.treatment_index, "list")
    for query in ("", "?page=2", "?condition=acne"):
        middleware(rf.get("/treatments/" + query))
        assert middleware(rf.get("/treatments/" + query))[HIT_HEADER] == "hit"
    middleware(rf.get("/conditions/"))

    purge_urls(["http://localhost/treatments/"])

    for query in ("", "?page=2", "?condition=acne"):
        assert middleware(rf.get("/treatments/" + query))[HIT_HEADER] == "miss"
    assert middleware(rf.get("/conditions/"))[HIT_HEADER] == "hit"


def test_clear_drops_everything(rf, cache_on, site_tree):
    middleware = serving(site_tree.home, "home")
    middleware(rf.get("/"))
    assert middleware(rf.get("/"))[HIT_HEADER] == "hit"

    clear()

    assert middleware(rf.get("/"))[HIT_HEADER] == "miss"


def test_hosts_and_queries_are_kept_apart(rf, cache_on, site_tree):
    serving(site_tree.home, "one")(rf.get("/", HTTP_HOST="one.example"))

    other = serving(site_tree.home, "two")(rf.get("/", HTTP_HOST="two.example"))

    assert other[HIT_HEADER] == "miss"
    assert other.content == b"two"


def test_a_session_cookie_bypasses_the_cache(rf, cache_on, site_tree):
    middleware = serving(site_tree.home, "home")
    middleware(rf.get("/"))
    request = rf.get("/")
    request.COOKIES["sessionid"] = "x"

    response = middleware(request)

    assert HIT_HEADER not in response
    assert response["Cache-Control"] == "private"


def test_a_response_that_sets_a_cookie_is_never_public(rf, cache_on, site_tree):
    def get_response(request):
        mark_page(request, site_tree.home)
        response = HttpResponse("form")
        response.set_cookie("csrftoken", "secret")
        return response

    middleware = PageCacheMiddleware(get_response)
    middleware(rf.get("/"))
    response = middleware(rf.get("/"))

    assert HIT_HEADER not in response
    assert "public" not in response["Cache-Control"]


def test_a_view_that_is_not_a_page_is_left_alone(rf, cache_on):
    middleware = PageCacheMiddleware(lambda request: HttpResponse("search"))

    response = middleware(rf.get("/search/"))

    assert not response.has_header("Cache-Control")
    assert HIT_HEADER not in response
