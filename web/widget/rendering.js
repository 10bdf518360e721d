  /* rendering.js: Building the widget and putting messages on screen (always as text, never HTML). */
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
