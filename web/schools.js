/* The schools page: builds a link that opens the chat on a topic, its QR code and the
   embed snippet. Nothing is sent anywhere until the link itself is used. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("tyg-config").textContent);
  var t = config.schools;
  var SOURCE_RE = /^[a-z0-9][a-z0-9-]{0,59}$/;
  function byId(id) { return document.getElementById(id); }
  function setText(id, text) { byId(id).textContent = text; }

  setText("danger-line", config.texts.danger_line);
  setText("schools-title", t.title);
  setText("schools-intro", t.intro);
  setText("topic-label", t.topic_label);
  setText("source-label", t.source_label);
  setText("link-heading", t.link_heading);
  setText("qr-heading", t.qr_heading);
  setText("embed-heading", t.embed_heading);
  setText("embed-help", t.embed_help);
  var select = byId("topic");
  config.topics.forEach(function (topic) {
    var option = document.createElement("option");
    option.value = topic.key;
    option.textContent = topic.label;
    select.appendChild(option);
  });

  function update() {
    var topic = select.value;
    var source = byId("source").value.trim().toLowerCase();
    var valid = !source || SOURCE_RE.test(source);
    setText("source-error", valid ? "" : t.source_label);
    byId("source").setAttribute("aria-invalid", valid ? "false" : "true");
    if (!valid) source = "";
    var query = new URLSearchParams({ topic: topic });
    if (source) query.set("src", source);
    var link = config.public_url + "/?" + query.toString();
    var a = byId("link");
    a.href = link;
    a.textContent = link;
    var qr = byId("qr");
    qr.src = "/api/qr.svg?" + query.toString();
    qr.alt = "QR code for " + link;
    byId("embed").value = '<script src="' + config.public_url + '/widget.js"' +
      ' data-bot-url="' + config.bot_url + '" data-topic="' + topic + '"' +
      (source ? ' data-source="' + source + '"' : "") + " async></" + "script>";
  }
  select.addEventListener("change", update);
  byId("source").addEventListener("input", update);
  update();
})();
