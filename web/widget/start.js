  /* start.js: Mounting the widget: on the page, or in a floating panel on a school's site. */
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
