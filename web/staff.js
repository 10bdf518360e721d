/* Staff console: chat with the bot and see, beside each reply, what it understood.
   The token is kept in this tab only (sessionStorage) and sent with every request. */
(function () {
  "use strict";
  var KEY = "tyg.staff.token";
  var token = sessionStorage.getItem(KEY) || "";
  var conversation = null;
  function byId(id) { return document.getElementById(id); }
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  function api(path, body) {
    return fetch(path, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + token },
      body: JSON.stringify(body || {})
    }).then(function (r) {
      if (r.ok) return r.json();
      return r.text().then(function (t) { throw new Error(t || ("HTTP " + r.status)); });
    });
  }

  function start() {
    return api("/staff/api/new").then(function (data) {
      conversation = data.conversation;
      byId("turns").textContent = "";
      byId("saved").textContent = "";
      byId("login").hidden = true;
      byId("console").hidden = false;
      byId("text").focus();
    });
  }

  function row(label, value) {
    var dt = el("dt", null, label), dd = el("dd", null, value);
    return [dt, dd];
  }

  function understanding(u) {
    var box = el("dl", "staff-understood");
    function pc(x) { return Math.round((x || 0) * 100) + "%"; }
    var pairs = [
      ["Understood as", (u.label || "nothing") + " (intent " + (u.intent || "none") + ", " + pc(u.confidence) + " sure)"],
      ["Runner-ups", (u.runner_ups || []).map(function (r) { return r.intent + " " + pc(r.confidence); }).join(", ") || "none"],
      ["Picked out (app, age, child)", (u.entities || []).map(function (e) { return e.entity + ": " + e.value; }).join(", ") || "nothing"],
      ["Safety net", u.safety_net ? "FIRED: " + u.safety_net : "did not fire"],
      ["How the route was decided", u.routing || "as classified"],
      ["Reply chosen by", (u.actions || []).map(function (a) { return a.action + " (" + a.chosen_by + ", " + (a.policy || "?") + ")"; }).join(", ") || "none"]
    ];
    if (u.also && u.also.length) pairs.push(["Also raised", u.also.join(", ")]);
    if (u.child_typing) pairs.push(["Child typing", "yes"]);
    pairs.forEach(function (p) { row(p[0], p[1]).forEach(function (n) { box.appendChild(n); }); });
    if (u.safety_net) box.classList.add("staff-fired");
    return box;
  }

  function show(said, data) {
    var turn = el("section", "staff-turn");
    turn.appendChild(el("p", "tyg-msg tyg-user", "Parent: " + said));
    var cols = el("div", "staff-cols");
    var replies = el("div", "staff-replies");
    (data.bubbles || []).forEach(function (b) {
      var bubble = el("div", "tyg-msg tyg-bot");
      bubble.appendChild(el("p", null, b.text || ""));
      if (b.buttons && b.buttons.length) {
        var group = el("div", "tyg-buttons");
        b.buttons.forEach(function (button) {
          var press = el("button", "tyg-choice", button.title);
          press.type = "button";
          press.addEventListener("click", function () { send(button.payload, "[presses] " + button.title); });
          group.appendChild(press);
        });
        bubble.appendChild(group);
      }
      replies.appendChild(bubble);
    });
    if (!(data.bubbles || []).length) replies.appendChild(el("p", "tyg-error", "No reply."));
    cols.appendChild(replies);
    cols.appendChild(understanding(data.understood || {}));
    turn.appendChild(cols);
    byId("turns").appendChild(turn);
    turn.scrollIntoView({ block: "start" });
  }

  function send(text, shown) {
    byId("status").textContent = "Waiting for the bot…";
    return api("/staff/api/say", { conversation: conversation, text: text }).then(function (data) {
      byId("status").textContent = "";
      show(shown || text, data);
    }).catch(function (err) { byId("status").textContent = "Error: " + err.message; });
  }

  byId("login").addEventListener("submit", function (e) {
    e.preventDefault();
    token = byId("token").value;
    start().then(function () { sessionStorage.setItem(KEY, token); }).catch(function (err) {
      byId("login-error").textContent = err.message;
    });
  });
  byId("say").addEventListener("submit", function (e) {
    e.preventDefault();
    var text = byId("text").value;
    if (!text.trim()) return;
    byId("text").value = "";
    send(text);
  });
  byId("text").addEventListener("keydown", function (e) {
    if (e.key === "Enter" && !e.shiftKey) {
      e.preventDefault();
      byId("say").requestSubmit();
    }
  });
  byId("save").addEventListener("submit", function (e) {
    e.preventDefault();
    api("/staff/api/save", { conversation: conversation, name: byId("script-name").value }).then(function (data) {
      byId("saved").textContent = "Saved as " + data.saved + " (" + data.turns + " turns). Run it with make flows.";
    }).catch(function (err) { byId("saved").textContent = "Not saved: " + err.message; });
  });
  byId("restart").addEventListener("click", function () { start(); });
  if (token) start().catch(function () { sessionStorage.removeItem(KEY); });
})();
