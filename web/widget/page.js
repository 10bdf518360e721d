  /* page.js: Where the widget runs: the tag that loaded it, its files, small DOM helpers. */
  var script = document.currentScript;
  var data = (script && script.dataset) || {};
  var scriptBase = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  var STORE = "tyg.chat.v1";
  var SOURCE_RE = /^[a-z0-9][a-z0-9-]{0,59}$/;
  var QUIET_MS = 900;  // no new bubble for this long: the bot has finished its reply

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function loadConfig() {
    var inline = document.getElementById("tyg-config");
    if (inline) return Promise.resolve(JSON.parse(inline.textContent));
    return fetch(scriptBase + "/api/config.json").then(function (r) { return r.json(); });
  }

  function loadSocketIo() {
    if (window.io) return Promise.resolve();
    return new Promise(function (resolve) {
      var tag = document.createElement("script");
      tag.src = scriptBase + "/vendor/socket.io.min.js";
      tag.onload = tag.onerror = function () { resolve(); };  // no socket.io: REST is used
      document.head.appendChild(tag);
    });
  }

  function loadStyles() {
    if (document.querySelector('link[href$="/widget.css"]')) return;
    var link = document.createElement("link");
    link.rel = "stylesheet";
    link.href = scriptBase + "/widget.css";
    document.head.appendChild(link);
  }

  function newId() {
    var bytes = new Uint8Array(16);  // 128 random bits: unguessable
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return ("0" + b.toString(16)).slice(-2); }).join("");
  }
