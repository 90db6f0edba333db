/* r1-chat widget loader (README: "Embedding the chat"). The chat runs in a frame of our origin (/embed);
 * this adds the launcher and talks to the frame by the postMessage protocol of lib/widget/protocol.ts. */
((w, d) => {
  var NS = "r1chat";
  var base;
  var V = 1;
  var PREFIX = "[R1Chat] ";
  var me = d.currentScript;
  var queued = w.R1Chat?.q || [];

  // Mirrors widgetMessageSchema (zod, lib/widget/protocol.ts): exact keys, known types, bounded values.
  function accepts(m) {
    if (!m || typeof m !== "object" || m.ns !== NS || m.v !== V) return false;
    var keys = Object.keys(m).sort().join();
    if (m.type === "ready" || m.type === "close") return keys === "ns,type,v";
    if (m.type === "resize")
      return keys === "ns,size,type,v" && (m.size === "compact" || m.size === "expanded");
    if (m.type === "unread")
      return keys === "count,ns,type,v" && Number.isInteger(m.count) && m.count >= 0 && m.count <= 99;
    return false;
  }

  var widget, started;
  var api = (...args) => {
    if (widget) widget.run(args[0], args[1]);
    else if (args[0] === "init" && !started && base) init(args[1] || {});
    else queued.push(args);
  };
  // The same check, for tests and for hosts that relay the frame's messages.
  api.accepts = accepts;
  w.R1Chat = api;
  if (!me?.src) return console.error(`${PREFIX}load widget.js with a <script src> tag.`);

  base = new URL(me.src).origin;
  var data = me.dataset;
  queued = [].slice.call(queued);
  var start = queued.find((call) => call[0] === "init");
  if (start) start = start[1] || {};
  if (start || Object.keys(data).length) init(start || {});
  else queued.length || console.info(`${PREFIX}waiting for R1Chat('init', {…}).`);

  function init(options) {
    var o = {};
    ["title", "greeting", "persona", "language", "theme", "accent", "position", "open", "inline"].forEach(
      (k) => {
        o[k] = options[k] !== undefined ? options[k] : data[k === "language" ? "lang" : k];
      },
    );
    started = 1;
    var lang = o.language === "zh" ? "zh" : "en";
    var q = `?origin=${encodeURIComponent(location.origin)}&lang=${lang}`;
    fetch(`${base}/api/embed/config${q}`)
      .then((r) => r.json())
      .then((config) => {
        if (!config.allowed)
          return console.error(
            `${PREFIX + location.origin} may not embed this chat: add it to EMBED_ALLOWED_ORIGINS on ${base}.`,
          );
        mount(o, config.labels, q);
      })
      .catch((error) => {
        console.error(`${PREFIX}could not reach ${base}:`, error);
      });
  }

  function mount(o, labels, q) {
    var title = o.title || labels.title;
    var inline = o.inline && (typeof o.inline === "string" ? d.querySelector(o.inline) : o.inline);
    if (o.inline && !inline) return console.error(`${PREFIX}no element matches inline: ${o.inline}`);
    var accent = /^#[0-9a-f]{3,6}$/i.test(o.accent || "") ? o.accent : "#2563eb";
    var host = d.createElement("div");
    var root = host.attachShadow({ mode: "open" });
    var side = o.position === "left" ? "left" : "right";
    root.innerHTML = `<style>
button{position:fixed;bottom:20px;${side}:20px;z-index:2147483000;width:56px;height:56px;border:0;border-radius:50%;background:${accent};color:#fff;display:grid;place-items:center;cursor:pointer;box-shadow:0 4px 14px #0004}
button:focus-visible{outline:3px solid #000;outline-offset:3px}
b{position:absolute;top:-4px;right:-4px;min-width:20px;border-radius:10px;background:#dc2626;font:bold 12px/20px sans-serif}
b:empty{display:none}
iframe{position:fixed;bottom:88px;${side}:20px;z-index:2147483000;width:min(400px,100vw - 40px);height:min(600px,100vh - 108px);border:0;border-radius:12px;background:#fff;box-shadow:0 8px 30px #0005}
iframe.expanded{width:min(720px,100vw - 40px);height:calc(100vh - 108px)}
@media (max-width:640px){iframe,iframe.expanded{inset:0;width:100%;height:100dvh;border-radius:0}}
</style><button type=button aria-expanded=false><svg aria-hidden=true width=26 viewBox="0 0 24 24" fill=currentColor><path d="M4 2h16a2 2 0 012 2v11a2 2 0 01-2 2H8l-6 5V4a2 2 0 012-2z"/></svg><b aria-hidden=true></b></button>`;
    var launcher = root.querySelector("button");
    var badge = root.querySelector("b");
    var frame,
      ready,
      open,
      unread = 0,
      theme = o.theme;

    function label() {
      var text = labels.open.replace("{title}", title);
      if (unread) text += ` (${labels.unread.replace("{count}", unread)})`;
      launcher.setAttribute("aria-label", open ? labels.close : text);
    }
    function post(type, extra) {
      var m = { ns: NS, v: V, type: type };
      for (var k in extra) m[k] = extra[k];
      if (ready) frame.contentWindow.postMessage(m, base);
    }
    function create() {
      if (frame) return;
      frame = d.createElement("iframe");
      frame.title = title;
      frame.allow = "clipboard-write";
      frame.src = `${base}/embed${q}${inline ? "&inline=1" : ""}${[
        "title",
        "greeting",
        "persona",
        "theme",
        "accent",
      ]
        .map((k) => (o[k] ? `&${k}=${encodeURIComponent(o[k])}` : ""))
        .join("")}`;
      if (inline) {
        frame.style.cssText = "width:100%;height:560px;border:0";
        inline.appendChild(frame);
      } else {
        frame.hidden = true;
        root.appendChild(frame);
      }
    }
    function show() {
      create();
      open = true;
      // Shown once the frame says it is ready: a frame that never loads must not cover the page.
      frame.hidden = !ready;
      launcher.setAttribute("aria-expanded", "true");
      if (matchMedia("(max-width:640px)").matches) d.documentElement.style.overflow = "hidden";
      label();
      if (ready) {
        frame.focus();
        post("open");
      }
    }
    function hide() {
      if (!open || inline) return;
      open = false;
      frame.hidden = true;
      launcher.setAttribute("aria-expanded", "false");
      d.documentElement.style.overflow = "";
      post("close");
      label();
      launcher.focus();
    }

    w.addEventListener("message", (e) => {
      if (!frame || e.source !== frame.contentWindow || e.origin !== base || !accepts(e.data)) return;
      var m = e.data;
      if (m.type === "ready") {
        ready = true;
        if (theme) post("theme", { theme: theme });
        if (open) show();
      } else if (m.type === "close") hide();
      else if (m.type === "resize") {
        if (inline) frame.style.height = m.size === "expanded" ? "860px" : "560px";
        else frame.className = m.size === "expanded" ? "expanded" : "";
      } else {
        unread = m.count;
        badge.textContent = unread || "";
        label();
      }
    });
    d.addEventListener("keydown", (e) => {
      if (e.key === "Escape" && open) hide();
    });
    launcher.onclick = () => {
      open ? hide() : show();
    };
    widget = {
      run: (command, value) => {
        if (command === "open") show();
        else if (command === "close") hide();
        else if (command === "theme" && /^(light|dark|system)$/.test(value)) {
          theme = value;
          post("theme", { theme });
        } else console.warn(`${PREFIX}unknown or repeated command: ${command}`);
      },
    };
    label();
    if (inline) create();
    else d.body.appendChild(host);
    if (o.open === true || o.open === "true" || o.open === "") show();
    queued.forEach((call) => {
      if (call[0] !== "init") widget.run(call[0], call[1]);
    });
  }
})(window, document);
