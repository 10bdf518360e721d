/* Staff trends page: the server answers 401 with a form until the staff token comes with the
   request, so this asks for it, keeps it in this tab only (sessionStorage, shared with the
   console), and fetches the page, the filter and the downloads with it. */
(function () {
  "use strict";
  var KEY = "tyg.staff.token";
  var token = sessionStorage.getItem(KEY) || "";

  function get(path) {
    return fetch(path, { headers: { "Authorization": "Bearer " + token } }).then(function (r) {
      if (r.ok) return r;
      return r.text().then(function () {
        throw new Error(r.status === 401 ? "That is not the staff token." : "The page could not be loaded (HTTP " + r.status + ").");
      });
    });
  }

  function show(path) {
    return get(path).then(function (r) { return r.text(); }).then(function (html) {
      var page = new DOMParser().parseFromString(html, "text/html");
      document.getElementById("trends").replaceWith(page.getElementById("trends"));
      document.title = page.title;
      history.replaceState(null, "", path);
      wire();
    });
  }

  function download(link) {
    get(link.getAttribute("href")).then(function (r) { return r.blob(); }).then(function (blob) {
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = link.dataset.download;
      document.body.appendChild(a);
      a.click();
      a.remove();
    });
  }

  function wire() {
    var login = document.getElementById("login");
    if (login) {
      login.addEventListener("submit", function (e) {
        e.preventDefault();
        token = document.getElementById("token").value.trim();
        show(location.pathname + location.search).then(function () {
          sessionStorage.setItem(KEY, token);
        }, function (err) {
          document.getElementById("login-error").textContent = err.message;
        });
      });
    }
    var filter = document.getElementById("filter");
    if (filter) {
      filter.addEventListener("submit", function (e) {
        e.preventDefault();
        var source = document.getElementById("source").value;
        show("/staff/trends" + (source === "all" ? "" : "?source=" + encodeURIComponent(source)));
      });
    }
    Array.prototype.forEach.call(document.querySelectorAll("a[data-download]"), function (link) {
      link.addEventListener("click", function (e) { e.preventDefault(); download(link); });
    });
  }

  wire();
  if (token && document.getElementById("login")) {
    show(location.pathname + location.search).catch(function () { sessionStorage.removeItem(KEY); });
  }
})();
