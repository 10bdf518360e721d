  /* state.js: Conversation state, kept per browser tab, and leaving at once. */
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

  // Leave at once. The conversation is wiped from this tab so coming back doesn't show it.
  Widget.prototype.exit = function () {
    try { sessionStorage.removeItem(STORE); } catch (e) { /* nothing stored */ }
    if (this.socket) this.socket.close();
    location.replace(this.config.exit_url);
  };
