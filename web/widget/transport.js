  /* transport.js: Talking to the bot: socket.io, falling back to REST; the school-link topic and count; forgetting. */
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
    var source = this.linkSource();  // counted once per conversation in the staff trends
    if (source) payload.metadata = Object.assign({}, payload.metadata, { source: source });
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

  // The school or website link the chat was opened from ("stmarys-newsletter"), if any.
  Widget.prototype.linkSource = function () {
    var source = (this.options.source || "").toLowerCase();
    return SOURCE_RE.test(source) ? source : null;
  };

  // Counted once per conversation, as a bare number per link.
  Widget.prototype.countSource = function () {
    var source = this.linkSource();
    if (this.state.counted || !source) return;
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
