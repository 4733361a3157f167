/*
 * Enquiry forms on cached pages: the page is the same for every visitor, so
 * it carries no CSRF token and no one-time form token. This script fetches
 * the visitor's own tokens from the (never cached) URL in the form's
 * data-token-url and puts them in the form's hidden inputs. Without it the
 * form still works: the server accepts the post on a same-origin check.
 */
(function () {
  "use strict";

  function fill(form, name, value) {
    var input = form.querySelector('input[type="hidden"][name="' + name + '"]');
    if (input && typeof value === "string") {
      input.value = value;
    }
  }

  function load(form) {
    var url = form.getAttribute("data-token-url");
    if (!url || !window.fetch) {
      return;
    }
    window
      .fetch(url, {
        credentials: "same-origin",
        cache: "no-store",
        headers: { Accept: "application/json" },
      })
      .then(function (response) {
        if (!response.ok) {
          throw new Error("token " + response.status);
        }
        return response.json();
      })
      .then(function (bundle) {
        fill(form, "csrfmiddlewaretoken", bundle.csrf);
        fill(form, "visitor_token", bundle.form_token);
      })
      .catch(function () {
        /* The same-origin check still accepts the form. */
      });
  }

  function start() {
    var forms = document.querySelectorAll("form[data-token-url]");
    for (var i = 0; i < forms.length; i += 1) {
      load(forms[i]);
    }
  }

  // Back to the page from the browser's history: new tokens, so a second,
  // different enquiry is not taken for a repeat of the first.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) {
      start();
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
