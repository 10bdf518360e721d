/* Trust Your Gut chat widget.
 *
 * On the project's own page, or on any site with one tag:
 *   <script src="https://chat.example.org/widget.js" data-bot-url="https://bot.example.org" data-topic="gaming"
 *           data-source="stmarys-newsletter" async></script>
 * Talks to Rasa's socket.io channel, falls back to its REST channel, keeps the conversation
 * in sessionStorage (a reload continues it), and shows the helplines itself when the bot
 * does not answer. Every text is put into the page as text, never as HTML.
 */
(function () {
  "use strict";

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

  // ---- conversation state, kept per browser tab ----
  function readState() {
    try {
      var saved = JSON.parse(sessionStorage.getItem(STORE));
      if (saved && /^[0-9a-f]{32}$/.test(saved.id) && Array.isArray(saved.messages)) return saved;
    } catch (e) { /* unreadable: start again */ }
    return { id: newId(), messages: [], topic: null, counted: false, awaiting: false };
  }

  function Widget(root, config, options) {
    this.root = root;
    this.config = config;
    this.texts = config.texts;
    this.options = options;
    this.state = readState();
    this.connected = false;
    this.everConnected = false;
    this.useRest = false;
    this.queue = [];
    this.build();
    this.restore();
    this.connect();
    this.openTopic();
    this.countSource();
  }

  Widget.prototype.save = function () {
    try { sessionStorage.setItem(STORE, JSON.stringify(this.state)); } catch (e) { /* private mode */ }
  };

  // ---- building the page ----
  Widget.prototype.build = function () {
    var t = this.texts, self = this;
    var level = this.options.heading === "1" ? "h1" : "h2";
    var box = el("div", "tyg");
    var bar = el("div", "tyg-safety");
    var danger = el("p", "tyg-danger");
    this.linkify(danger, t.danger_line);
    var exit = el("button", "tyg-exit", t.exit_label);
    exit.type = "button";
    exit.addEventListener("click", function () { self.exit(); });
    var exitNote = el("p", "tyg-exit-note", t.exit_note);
    exitNote.id = "tyg-exit-note";
    exit.setAttribute("aria-describedby", exitNote.id);
    bar.appendChild(danger);
    bar.appendChild(exit);
    box.appendChild(bar);

    var head = el("div", "tyg-head");
    head.appendChild(el(level, "tyg-title", t.title));
    head.appendChild(el("p", "tyg-subtitle", t.subtitle));
    head.appendChild(exitNote);
    var privacy = el("p", "tyg-privacy", t.privacy_note + " ");
    var privacyLink = el("a", "tyg-privacy-link", t.privacy_link);
    privacyLink.href = this.options.assetsUrl + "/privacy";
    privacyLink.target = "_blank";
    privacyLink.rel = "noopener noreferrer";
    privacy.appendChild(privacyLink);
    head.appendChild(privacy);
    // two presses, so a stray tap never deletes a conversation a parent still needs
    var forget = el("button", "tyg-delete", t.delete_label);
    forget.type = "button";
    forget.addEventListener("click", function () {
      if (forget.getAttribute("data-armed")) {
        forget.removeAttribute("data-armed");
        forget.textContent = t.delete_label;
        self.forget();
        return;
      }
      forget.setAttribute("data-armed", "1");
      forget.textContent = t.delete_confirm;
      setTimeout(function () {
        forget.removeAttribute("data-armed");
        forget.textContent = t.delete_label;
      }, 6000);
    });
    head.appendChild(forget);
    this.topicLine = el("p", "tyg-topic");
    this.topicLine.hidden = true;
    head.appendChild(this.topicLine);
    box.appendChild(head);

    this.log = el("div", "tyg-log");
    this.log.setAttribute("role", "log");
    this.log.setAttribute("aria-live", "polite");
    this.log.setAttribute("aria-label", "Conversation");
    this.log.tabIndex = 0;
    box.appendChild(this.log);

    this.status = el("p", "tyg-status");
    this.status.setAttribute("role", "status");
    box.appendChild(this.status);

    var form = el("form", "tyg-form");
    var label = el("label", "tyg-label", t.input_label);
    label.htmlFor = "tyg-input";
    this.input = el("textarea", "tyg-input");
    this.input.id = "tyg-input";
    this.input.rows = 2;
    this.input.maxLength = 2000;
    this.input.placeholder = t.input_hint;
    var send = el("button", "tyg-send", t.send_label);
    send.type = "submit";
    form.appendChild(label);
    var row = el("div", "tyg-row");
    row.appendChild(this.input);
    row.appendChild(send);
    form.appendChild(row);
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      self.submit();
    });
    this.input.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && !e.shiftKey) {
        e.preventDefault();
        self.submit();
      }
    });
    box.appendChild(form);
    // Esc leaves quickly, but only from inside the widget when it is embedded: on a school's
    // site, Esc in the site's own search box must not navigate away
    (this.options.wholePage ? document : this.root).addEventListener("keydown", function (e) {
      if (e.key === "Escape" || e.key === "Esc") self.exit();
    });
    this.root.appendChild(box);
  };

  // Phone numbers from the catalogue become tel: links, emails mailto:, https links links.
  Widget.prototype.linkify = function (parent, text) {
    var phones = this.config.phones.map(function (p) { return p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); });
    var pattern = new RegExp("(https?://[^\\s)<>\"]+)|([A-Za-z0-9.+-]+@[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+)|(" +
      phones.join("|") + ")", "g");
    var last = 0, m;
    while ((m = pattern.exec(text)) !== null) {
      var found = m[0];
      if (m[3]) {  // a number must stand alone, not sit inside a longer run of digits
        var before = text.charAt(m.index - 1), after = text.charAt(m.index + found.length);
        if (/\d/.test(before) || /\d/.test(after)) continue;
      }
      var href = found, shown = found;
      if (m[1]) {
        shown = found.replace(/[.,;:]+$/, "");
        href = shown;
      } else if (m[2]) {
        href = "mailto:" + found;
      } else {
        href = "tel:" + found.replace(/\D/g, "");
      }
      parent.appendChild(document.createTextNode(text.slice(last, m.index)));
      var a = el("a", null, shown);
      a.href = href;
      if (m[1]) {
        a.target = "_blank";
        a.rel = "noopener noreferrer";
      }
      parent.appendChild(a);
      last = m.index + shown.length;
      pattern.lastIndex = last;
    }
    parent.appendChild(document.createTextNode(text.slice(last)));
  };

  Widget.prototype.renderMessage = function (m) {
    var self = this;
    var item = el("div", "tyg-msg tyg-" + m.who);
    var speaker = (m.who === "user" ? this.texts.you_label : this.texts.title) + ":";
    item.appendChild(el("span", "tyg-visually-hidden", speaker + " "));
    String(m.text || "").split(/\n+/).forEach(function (line) {
      if (!line.trim()) return;
      var p = el("p");
      self.linkify(p, line);
      item.appendChild(p);
    });
    if (m.helplines) {
      var list = el("ul", "tyg-helplines");
      m.helplines.forEach(function (h) {
        var li = el("li");
        li.appendChild(el("strong", null, h.name));
        var contact = [h.phone, h.email, h.url].filter(Boolean).join("  ");
        var line = el("span");
        self.linkify(line, " " + contact + (h.how ? " (" + h.how + ")" : ""));
        li.appendChild(line);
        li.appendChild(el("span", "tyg-for", h["for"]));
        list.appendChild(li);
      });
      item.appendChild(list);
    }
    if (m.buttons && m.buttons.length) {
      var group = el("div", "tyg-buttons");
      group.setAttribute("role", "group");
      group.setAttribute("aria-label", "Suggested replies");
      m.buttons.forEach(function (b) {
        var button = el("button", "tyg-choice", b.title);
        button.type = "button";
        button.addEventListener("click", function () { self.send(b.payload, b.title); });
        group.appendChild(button);
      });
      item.appendChild(group);
    }
    this.log.appendChild(item);
    return item;
  };

  // Keeps the start of each reply in view: a reply of several bubbles is read from its top.
  Widget.prototype.add = function (m) {
    var startsReply = m.who !== "user" && this.state.awaiting;
    this.state.messages.push(m);
    this.save();
    var item = this.renderMessage(m);
    if (m.who === "user") this.input.scrollIntoView({ block: "nearest" });
    else if (startsReply) item.scrollIntoView({ block: "start" });
  };

  Widget.prototype.restore = function () {
    var self = this;
    this.state.messages.forEach(function (m) { self.renderMessage(m); });
    this.showTopic();
    if (this.state.awaiting) this.waitForReply();  // reloaded mid-reply: keep the safety timer
  };

  Widget.prototype.showTopic = function () {
    if (!this.state.topic) return;
    this.topicLine.textContent = this.texts.topic_prefix + " " + this.state.topic.label;
    this.topicLine.hidden = false;
  };

  Widget.prototype.setStatus = function (text) {
    this.status.textContent = text || "";
  };

  // ---- sending and receiving ----
  Widget.prototype.submit = function () {
    var text = this.input.value;
    if (!text.trim()) {
      this.setStatus(this.texts.input_label + ".");
      this.input.focus();
      return;
    }
    this.input.value = "";
    this.send(text);
    this.input.focus();
  };

  Widget.prototype.send = function (text, shown) {
    this.add({ who: "user", text: shown || text });
    this.deliver({ message: text });
  };

  Widget.prototype.deliver = function (payload) {
    this.waitForReply();
    if (this.connected && !this.useRest) {
      this.emit(payload);
      return;
    }
    var self = this;
    this.queue.push(payload);
    if (this.useRest) return this.flush();
    // sockets not up yet (or dropped): give them a moment, then use REST instead
    setTimeout(function () {
      if (self.queue.indexOf(payload) >= 0 && !self.connected) {
        self.useRest = !self.everConnected || self.useRest;
        self.queue.splice(self.queue.indexOf(payload), 1);
        self.post(payload);
      }
    }, 2500);
  };

  Widget.prototype.emit = function (payload) {
    var message = { message: payload.message, session_id: this.state.id };
    if (payload.metadata) message.metadata = payload.metadata;
    this.socket.emit("user_uttered", message);
  };

  Widget.prototype.flush = function () {
    var pending = this.queue.splice(0);
    for (var i = 0; i < pending.length; i++) {
      if (this.connected && !this.useRest) this.emit(pending[i]);
      else this.post(pending[i]);
    }
  };

  Widget.prototype.post = function (payload) {
    var self = this;
    var body = { sender: this.state.id, message: payload.message };
    if (payload.metadata) body.metadata = payload.metadata;
    fetch(this.options.botUrl + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      // 429: over the rate limit; its body is a bubble that still names the helplines
      if (!r.ok && r.status !== 429) throw new Error("HTTP " + r.status);
      return r.json();
    }).then(function (bubbles) {
      (bubbles || []).forEach(function (b) { self.receive(b); });
    }, function () {
      // network down: the socket sends it when it reconnects (the no-answer timer meanwhile
      // shows the helplines). Only once, so a server that did get it can't answer twice.
      if (!payload.retried) {
        payload.retried = true;
        self.queue.push(payload);
      }
    }).catch(function () { /* a bubble that can't be shown: the no-answer timer covers it */ });
  };

  Widget.prototype.receive = function (bubble) {
    if (!bubble || (!bubble.text && !bubble.buttons && !bubble.quick_replies)) return;
    var buttons = (bubble.buttons || bubble.quick_replies || []).map(function (b) {
      return { title: String(b.title), payload: String(b.payload) };
    });
    this.add({ who: "bot", text: String(bubble.text || ""), buttons: buttons });
    this.replied();
  };

  Widget.prototype.waitForReply = function () {
    var self = this;
    this.state.awaiting = true;
    this.save();
    this.setStatus(this.texts.typing + "…");
    clearTimeout(this.noAnswerTimer);
    this.noAnswerTimer = setTimeout(function () { self.noAnswer(); }, this.config.no_answer_ms);
  };

  Widget.prototype.replied = function () {
    var self = this;
    clearTimeout(this.noAnswerTimer);
    this.state.awaiting = false;
    this.save();
    clearTimeout(this.quietTimer);
    this.quietTimer = setTimeout(function () { self.setStatus(""); }, QUIET_MS);
  };

  Widget.prototype.noAnswer = function () {
    this.state.awaiting = false;
    this.setStatus("");
    this.add({ who: "note", text: this.texts.no_answer_text, helplines: this.config.no_answer_helplines });
  };

  Widget.prototype.connect = function () {
    var self = this;
    if (!window.io) {
      this.useRest = true;
      return;
    }
    this.socket = window.io(this.options.botUrl, {
      path: "/socket.io",
      transports: ["websocket"],  // no cross-origin polling; REST is the fallback
      reconnectionDelay: 500,
      reconnectionDelayMax: 3000,
      timeout: 4000
    });
    this.socket.on("connect", function () {
      self.socket.emit("session_request", { session_id: self.state.id });
    });
    this.socket.on("session_confirm", function () {
      self.connected = true;
      self.everConnected = true;
      self.useRest = false;
      if (self.status.textContent === self.texts.offline_note) self.setStatus("");
      self.flush();
    });
    this.socket.on("bot_uttered", function (bubble) { self.receive(bubble); });
    this.socket.on("disconnect", function () {
      self.connected = false;
      self.setStatus(self.texts.offline_note);
    });
  };

  // A link such as /?topic=gaming opens on that topic, once per conversation.
  Widget.prototype.openTopic = function () {
    var key = this.options.topic;
    if (!key || this.state.messages.length || this.state.topic) return;
    var topic = this.config.topics.filter(function (t) { return t.key === key; })[0];
    if (!topic) return;
    this.state.topic = topic;
    this.save();
    this.showTopic();
    this.deliver({ message: "", metadata: { topic: topic.key } });
  };

  // Counted once per conversation, as a bare number per link: never sent to the bot.
  Widget.prototype.countSource = function () {
    var source = (this.options.source || "").toLowerCase();
    if (this.state.counted || !SOURCE_RE.test(source)) return;
    this.state.counted = true;
    this.save();
    fetch(this.options.assetsUrl + "/api/visit", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },
      body: JSON.stringify({ source: source, topic: this.options.topic || null }),
      keepalive: true
    }).catch(function () { /* counting never gets in a parent's way */ });
  };

  // Delete this conversation from the server, then start a new one in this tab.
  Widget.prototype.forget = function () {
    var self = this;
    fetch(this.options.assetsUrl + "/api/forget", {
      method: "POST",
      headers: { "Content-Type": "text/plain" },  // no pre-flight from an embedding site
      body: JSON.stringify({ id: this.state.id })
    }).then(function (r) {
      if (!r.ok) throw new Error("HTTP " + r.status);
      self.state = { id: newId(), messages: [], topic: null, counted: true, awaiting: false };
      self.save();
      while (self.log.firstChild) self.log.removeChild(self.log.firstChild);
      self.topicLine.hidden = true;
      if (self.socket && self.connected) self.socket.emit("session_request", { session_id: self.state.id });
      self.setStatus(self.texts.deleted_note);
    }).catch(function () { self.setStatus(self.texts.delete_failed); });
  };

  // Leave at once. The conversation is wiped from this tab so coming back doesn't show it.
  Widget.prototype.exit = function () {
    try { sessionStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    if (this.socket) this.socket.close();
    location.replace(this.config.exit_url);
  };

  function start() {
    var params = new URLSearchParams(location.search);
    loadConfig().then(function (config) {
      return loadSocketIo().then(function () { return config; });
    }).then(function (config) {
      var root = data.mount ? document.querySelector(data.mount) : null;
      var wholePage = !!root;  // mounted in a page of our own, not embedded on another site
      if (!root) {
        loadStyles();
        root = el("section", "tyg-embed");
        root.setAttribute("aria-label", config.texts.title);
        if (script && script.parentNode && script.parentNode !== document.head) {
          script.parentNode.insertBefore(root, script.nextSibling);
        } else {
          document.body.appendChild(root);
        }
      }
      window.tygWidget = new Widget(root, config, {
        botUrl: (data.botUrl || config.bot_url).replace(/\/$/, ""),
        assetsUrl: scriptBase,
        topic: data.topic || params.get("topic"),
        source: data.source || params.get("src"),
        heading: data.heading || (root.dataset && root.dataset.heading),
        wholePage: wholePage
      });
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
