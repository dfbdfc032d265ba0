/*! Byline chat widget: answers from a newsroom's articles, with citations. One file, no dependencies;
    it talks to its Byline server only. Embed:
    <script src="https://HOST/widget/byline.js" data-byline-endpoint="https://HOST" async></script> */
(() => {
  'use strict';
  if (window.Byline && window.Byline.version) {
    return; // loaded twice: the first copy stays in charge
  }

  const DEFAULTS = {
    endpoint: '',
    title: 'Ask our articles',
    greeting: 'Ask a question about our reporting. Every answer cites the articles it comes from.',
    placeholder: 'Ask a question…',
    accent: '#1f5fbf',
    position: 'right',
    open: false
  };
  const KEYS = Object.keys(DEFAULTS);
  const MAX_ITEMS = 40;
  const MAX_AUTO_RETRIES = 5;
  const ID_PATTERN = /^[A-Za-z0-9._:-]{1,100}$/;
  const ANSWER_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

  const STYLE = `
:host{all:initial!important}
*{box-sizing:border-box}
.root{--accent:#1f5fbf;--on-accent:#fff;--link:#1f5fbf;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1b1b1b;text-align:left;direction:ltr}
[hidden]{display:none!important}
button,textarea{font:inherit;color:inherit}
button{cursor:pointer}
:focus-visible{outline:3px solid #111;outline-offset:2px}
.launcher{position:fixed;bottom:16px;right:16px;z-index:2147483000;display:flex;align-items:center;gap:8px;min-height:48px;padding:0 18px;border:0;border-radius:24px;background:var(--accent);color:var(--on-accent);font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.launcher:focus-visible{outline:3px solid #111;box-shadow:0 0 0 6px #fff}
.panel{position:fixed;bottom:16px;right:16px;z-index:2147483001;display:flex;flex-direction:column;width:380px;max-width:calc(100vw - 32px);height:560px;max-height:calc(100vh - 32px);background:#fff;border:1px solid #c9c9cf;border-radius:14px;box-shadow:0 10px 34px rgba(0,0,0,.28);overflow:hidden}
.left .launcher,.left .panel{right:auto;left:16px}
header{display:flex;align-items:center;gap:6px;padding:10px 10px 10px 16px;background:var(--accent);color:var(--on-accent)}
h2{flex:1;margin:0;font-size:16px;font-weight:650;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
header button{min-width:40px;min-height:40px;padding:0 10px;border:1px solid transparent;border-radius:8px;background:transparent;color:inherit}
header button:hover{border-color:currentColor}
header :focus-visible{outline-color:var(--on-accent)}
.close{font-size:22px;line-height:1}
.fresh{margin:0;padding:4px 16px;border-bottom:1px solid #dcdce0;background:#fff;color:#555;font-size:12px}
.log{flex:1;overflow-y:auto;padding:14px 14px 4px;background:#f7f7f8;overscroll-behavior:contain}
.msg{margin:0 0 12px;max-width:92%;padding:9px 12px;border-radius:12px;white-space:pre-wrap;overflow-wrap:anywhere}
.user{margin-left:auto;background:var(--accent);color:var(--on-accent);border-bottom-right-radius:4px}
.bot{background:#fff;border:1px solid #dcdce0;border-bottom-left-radius:4px}
.declined{background:#eeeef1;border-style:dashed;color:#333}
.badge{display:inline-block;margin:0 0 4px;padding:1px 8px;border-radius:10px;background:#5a5a66;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
.streaming .text::after{content:"▍";margin-left:2px;color:#777}
.chip{display:inline-flex;align-items:center;justify-content:center;min-width:22px;height:20px;margin:0 2px;padding:0 5px;border:0;border-radius:10px;background:var(--accent);color:var(--on-accent);font-size:12px;font-weight:700;line-height:1;text-decoration:none;vertical-align:1px}
.sources{margin:8px 0 0;padding:8px 0 0 22px;border-top:1px solid #e3e3e8;font-size:13px;white-space:normal}
.sources li{margin:0 0 4px}
.sources a{color:var(--link)}
.meta{color:#555}
.notice{margin:6px 0 0;color:#555;font-size:12px;font-style:italic;white-space:normal}
.conflict{margin:6px 0 0;padding:4px 6px;border-left:3px solid #b35900;color:#5c2e00;font-size:12px;white-space:normal}
.problem{background:#fff8e6;border:1px solid #e0c068;color:#3d3000}
.retry{display:block;margin-top:8px;min-height:36px;padding:0 14px;border:1px solid #8a6d00;border-radius:8px;background:#fff}
form{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid #dcdce0;background:#fff}
textarea{flex:1;min-height:44px;max-height:120px;padding:10px 12px;border:1px solid #8d8d96;border-radius:10px;resize:none;background:#fff}
.send{min-height:44px;padding:0 16px;border:0;border-radius:10px;background:var(--accent);color:var(--on-accent);font-weight:600}
.send:disabled{opacity:.55;cursor:default}
.tip{position:fixed;z-index:2147483002;max-width:min(340px,calc(100vw - 16px));max-height:220px;overflow:auto;padding:10px 12px;border-radius:8px;background:#1b1b1f;color:#fff;font-size:13px;box-shadow:0 6px 20px rgba(0,0,0,.3);white-space:pre-wrap}
.tip b{display:block;margin-bottom:4px}
.rate{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin:8px 0 0;font-size:13px;color:#555;white-space:normal}
.rate button{min-width:36px;min-height:32px;padding:0 8px;border:1px solid #c9c9cf;border-radius:8px;background:#fff}
.rate button[aria-pressed=true]{border-color:var(--accent);background:#e8effa;box-shadow:inset 0 0 0 1px var(--accent)}
.rate form{flex:1 1 100%;display:flex;gap:6px;padding:0;border:0;background:none}
.rate input{flex:1;min-width:140px;min-height:32px;padding:0 8px;border:1px solid #8d8d96;border-radius:8px;font:inherit}
.sr{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
@media (max-width:480px){.panel{inset:0!important;width:100%;max-width:none;height:100%;max-height:none;border:0;border-radius:0}.msg{max-width:100%}}
@media (prefers-reduced-motion:no-preference){.launcher{transition:transform .12s}.launcher:hover{transform:translateY(-1px)}}`;

  const HTML = `<div class="root">
<button type="button" class="launcher" aria-expanded="false" aria-controls="byl-panel"><svg width="20" height="20" viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor" d="M4 3h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z"/></svg><span class="launcher-label"></span></button>
<div class="panel" id="byl-panel" role="dialog" aria-labelledby="byl-title" hidden>
<header><h2 id="byl-title"></h2><button type="button" class="reset">New chat</button><button type="button" class="close" aria-label="Close chat">×</button></header>
<p class="fresh" hidden></p>
<div class="log" role="log" aria-live="polite" aria-label="Conversation" tabindex="0"></div>
<div class="sr status" role="status"></div>
<form><label class="sr" for="byl-q">Your question</label><textarea id="byl-q" rows="1" maxlength="2000"></textarea><button type="submit" class="send">Send</button></form>
</div>
<div class="tip" role="tooltip" id="byl-tip" hidden></div>
</div>`;

  // ---- small helpers: everything from outside goes in as text, never as markup ----

  const el = (tag, className, text) => {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text != null) e.textContent = String(text);
    return e;
  };
  const str = (v, max) => (typeof v === 'string' ? v : v == null ? '' : String(v)).slice(0, max || 5000);

  /** Only absolute http(s) links; anything else (javascript:, data:, relative) is no link at all. */
  const safeUrl = (u) => {
    try {
      const url = new URL(str(u, 2000));
      return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
    } catch (e) {
      return null;
    }
  };

  const formatDate = (s) => {
    const text = str(s, 40);
    const d = new Date(text);
    if (!text || isNaN(d.getTime())) return '';
    // A plain date means that day wherever the reader is.
    const opts = /^\d{4}-\d{2}-\d{2}$/.test(text) ? { dateStyle: 'medium', timeZone: 'UTC' } : { dateStyle: 'medium' };
    try {
      return new Intl.DateTimeFormat(undefined, opts).format(d);
    } catch (e) {
      return text;
    }
  };

  const bool = (v) => v === true || v === 'true' || v === '' || v === '1' || v === 'yes';

  /** The answer's key spans (the date, figure, name asked for): whole numbers in range, in order, not overlapping, at most 20. */
  const spans = (given, length) => {
    const out = [];
    (Array.isArray(given) ? given : []).slice(0, 20).forEach((h) => {
      const start = h && h.start;
      const end = h && h.end;
      if (Number.isInteger(start) && Number.isInteger(end) && start >= 0 && end > start && end <= length
          && (!out.length || start >= out[out.length - 1].end)) out.push({ start, end });
    });
    return out;
  };

  /** Appends text[from, to) to parent, the parts inside a key span in bold (as text, never markup). */
  const appendMarked = (parent, text, from, to, keys) => {
    let at = from;
    keys.forEach((k) => {
      const start = Math.max(k.start, at);
      const end = Math.min(k.end, to);
      if (start >= end) return;
      parent.append(text.slice(at, start), el('strong', 'key', text.slice(start, end)));
      at = end;
    });
    parent.append(text.slice(at, to));
  };

  const settings = (given) => {
    const o = Object.assign({}, DEFAULTS);
    KEYS.forEach((k) => {
      if (given && given[k] != null) o[k] = given[k];
    });
    o.title = str(o.title, 120) || DEFAULTS.title;
    o.greeting = str(o.greeting, 1000);
    o.placeholder = str(o.placeholder, 200);
    o.position = o.position === 'left' ? 'left' : 'right';
    o.open = bool(o.open);
    o.accent = str(o.accent, 100);
    if (!(window.CSS && window.CSS.supports('color', o.accent))) o.accent = DEFAULTS.accent;
    return o;
  };

  /** The endpoint's base URL: given, or the folder above the one this script was loaded from. */
  const baseUrl = (endpoint, scriptSrc) => {
    const fallback = scriptSrc ? new URL('../', scriptSrc).href : location.origin + '/';
    let url;
    try {
      url = new URL(str(endpoint, 2000) || fallback, location.href);
    } catch (e) {
      url = new URL(fallback, location.href);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') url = new URL(fallback, location.href);
    return url.origin + url.pathname.replace(/\/+$/, '');
  };

  /** Relative luminance contrast of white against the accent decides the text colour on it. */
  const onAccent = (probe) => {
    const m = getComputedStyle(probe).backgroundColor.match(/[\d.]+/g);
    if (!m || m.length < 3) return '#fff';
    const lin = (c) => (c /= 255) <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
    const L = 0.2126 * lin(+m[0]) + 0.7152 * lin(+m[1]) + 0.0722 * lin(+m[2]);
    return 1.05 / (L + 0.05) >= 4.5 ? '#fff' : '#111';
  };

  // ---- server-sent events over fetch (EventSource cannot POST) ----

  async function readEvents(response, onEvent) {
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
      // A \r at the very end may be half of a \r\n still on its way.
      const keep = !done && buffer.endsWith('\r') ? 1 : 0;
      let text = buffer.slice(0, buffer.length - keep).replace(/\r\n?/g, '\n');
      const tail = buffer.slice(buffer.length - keep);
      let cut;
      while ((cut = text.indexOf('\n\n')) >= 0) {
        dispatch(text.slice(0, cut), onEvent);
        text = text.slice(cut + 2);
      }
      buffer = text + tail;
      if (done) {
        if (buffer.trim()) dispatch(buffer, onEvent);
        return;
      }
    }
  }

  function dispatch(block, onEvent) {
    let name = 'message';
    const data = [];
    block.split('\n').forEach((line) => {
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? '' : line.slice(colon + 1);
      if (value.startsWith(' ')) value = value.slice(1);
      if (field === 'event') name = value;
      else if (field === 'data') data.push(value);
    });
    if (!data.length) return;
    let parsed;
    try {
      parsed = JSON.parse(data.join('\n'));
    } catch (e) {
      return; // not ours to show
    }
    onEvent(name, parsed);
  }

  class Failure extends Error {
    constructor(kind, detail, retryAfter) {
      super(kind);
      this.kind = kind;
      this.detail = detail;
      this.retryAfter = retryAfter;
    }
  }

  const retryAfterSeconds = (header) => {
    const s = str(header, 100).trim();
    let n = /^\d+$/.test(s) ? +s : Math.ceil((Date.parse(s) - Date.now()) / 1000);
    if (!isFinite(n)) n = 5;
    return Math.min(300, Math.max(1, n));
  };

  // ---- the widget ----

  class Widget {
    constructor(options, scriptSrc) {
      this.o = settings(options);
      this.base = baseUrl(this.o.endpoint, scriptSrc);
      this.key = 'byline:' + this.base;
      this.state = this.load();
      this.busy = false;
      this.timers = new Set();
      this.uid = 0;
      this.build();
    }

    build() {
      const host = this.host = document.createElement('byline-chat');
      const root = this.root = host.attachShadow({ mode: 'open' });
      const style = el('style');
      style.textContent = STYLE;
      root.append(style);
      const t = document.createElement('template');
      t.innerHTML = HTML; // a constant: nothing from outside is in it
      root.append(t.content);
      const $ = (s) => root.querySelector(s);
      this.box = $('.root');
      this.launcher = $('.launcher');
      this.panel = $('.panel');
      this.log = $('.log');
      this.status = $('.status');
      this.form = $('form');
      this.input = $('textarea');
      this.sendButton = $('.send');
      this.tip = $('.tip');
      this.fresh = $('.fresh');
      $('.launcher-label').textContent = this.o.title;
      $('h2').textContent = this.o.title;
      this.input.placeholder = this.o.placeholder;
      this.box.classList.toggle('left', this.o.position === 'left');
      this.box.style.setProperty('--accent', this.o.accent);
      document.body.append(host);
      this.applyContrast();

      this.launcher.addEventListener('click', () => this.open(true));
      $('.close').addEventListener('click', () => this.close());
      $('.reset').addEventListener('click', () => this.reset());
      this.form.addEventListener('submit', (e) => {
        e.preventDefault();
        this.submit();
      });
      this.input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => this.fit());
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Tab') this.wrapFocus(e);
        if (e.key !== 'Escape') return;
        e.stopPropagation();
        if (!this.tip.hidden) this.hideTip();
        else this.close();
      });
      this.log.addEventListener('scroll', () => this.hideTip(), { passive: true });

      this.render();
      if (this.o.open || this.state.open) this.open(false);
    }

    applyContrast() {
      const color = onAccent(this.launcher);
      this.box.style.setProperty('--on-accent', color);
      // Links on white use the accent only when it is dark enough to read.
      this.box.style.setProperty('--link', color === '#fff' ? this.o.accent : '#1b1b1b');
    }

    /** On a phone the panel covers the page: Tab then cycles within it rather than into the page behind. */
    wrapFocus(e) {
      if (!window.matchMedia('(max-width: 480px)').matches) return;
      const all = [...this.panel.querySelectorAll('button, a[href], textarea, [tabindex="0"]')].filter((x) => !x.disabled && x.offsetParent);
      const first = all[0];
      const last = all[all.length - 1];
      const active = this.root.activeElement;
      if (e.shiftKey && active === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && active === last) {
        e.preventDefault();
        first.focus();
      }
    }

    // -- state in sessionStorage: survives a reload in the same tab --

    load() {
      try {
        const s = JSON.parse(sessionStorage.getItem(this.key) || 'null');
        if (s && Array.isArray(s.items)) {
          return { id: ID_PATTERN.test(s.id) ? s.id : null, open: !!s.open, items: s.items.filter((i) => i && typeof i === 'object') };
        }
      } catch (e) {
        // unreadable or unavailable storage: start afresh
      }
      return { id: null, open: false, items: [] };
    }

    save() {
      this.state.items = this.state.items.slice(-MAX_ITEMS);
      try {
        sessionStorage.setItem(this.key, JSON.stringify(this.state));
      } catch (e) {
        // storage full or blocked: the conversation just won't survive a reload
      }
    }

    // -- opening and closing --

    open(focus) {
      this.loadFreshness();
      this.panel.hidden = false;
      this.launcher.hidden = true;
      this.launcher.setAttribute('aria-expanded', 'true');
      this.state.open = true;
      this.save();
      this.scrollDown(true);
      if (focus) this.input.focus();
    }

    /** "Articles up to <date>": how current the archive is, asked once per page; text only, and nothing when unknown. */
    loadFreshness() {
      if (this.freshAsked) return;
      this.freshAsked = true;
      fetch(this.base + '/api/v1/freshness', { credentials: 'omit' })
        .then((r) => (r.ok ? r.json() : null))
        .then((f) => {
          const date = f ? formatDate(f.newestPublishedAt) : '';
          if (!date) return;
          this.fresh.textContent = 'Articles up to ' + date;
          this.fresh.hidden = false;
        })
        .catch(() => {
          // no date shown: answers work all the same
        });
    }

    close() {
      const hadFocus = this.root.activeElement != null;
      this.hideTip();
      this.panel.hidden = true;
      this.launcher.hidden = false;
      this.launcher.setAttribute('aria-expanded', 'false');
      this.state.open = false;
      this.save();
      if (hadFocus) this.launcher.focus();
    }

    reset() {
      this.cancel();
      this.state = { id: null, open: true, items: [] };
      this.save();
      this.render();
      this.say('Started a new conversation.');
      this.input.focus();
    }

    destroy() {
      this.cancel();
      this.host.remove();
    }

    cancel() {
      if (this.controller) this.controller.abort();
      this.controller = null;
      this.timers.forEach(clearTimeout);
      this.timers.clear();
      this.setBusy(false);
    }

    // -- rendering --

    render() {
      this.hideTip();
      this.log.textContent = '';
      if (this.o.greeting) {
        const g = this.bubble('bot greeting');
        g.append(el('span', 'text', this.o.greeting));
      }
      const items = this.state.items;
      items.forEach((item) => {
        if (item.role === 'user') this.userBubble(item.text);
        else if (item.role === 'bot') this.answer(this.bubble('bot'), item);
      });
      const last = items[items.length - 1];
      if (last && last.role === 'user') {
        // The page was left while this answer was on its way.
        this.problem(this.bubble('bot'), new Failure('interrupted'), last.text);
      }
    }

    bubble(className) {
      const b = el('div', 'msg ' + className);
      b.id = 'byl-m' + ++this.uid;
      this.log.append(b);
      return b;
    }

    userBubble(text) {
      const b = this.bubble('user');
      b.append(el('span', 'sr', 'You asked: '), str(text, 2000));
      this.scrollDown(true);
    }

    answer(b, a) {
      const citations = (Array.isArray(a.citations) ? a.citations : []).filter((c) => c && Number.isInteger(c.n));
      const grounded = a.grounded === true && citations.length > 0;
      b.className = 'msg bot ' + (grounded ? 'grounded' : 'declined');
      b.dataset.state = 'done';
      b.textContent = '';
      if (!grounded) b.append(el('span', 'badge', 'Not in the articles'), document.createElement('br'));
      const text = el('span', 'text');
      b.append(text);
      const byN = new Map(citations.map((c) => [c.n, c]));
      const answerText = str(a.answer, 20000);
      const keys = grounded ? spans(a.highlights, answerText.length) : [];
      const marker = /\[(\d{1,3})\]/g;
      let last = 0;
      let m;
      while ((m = marker.exec(answerText)) !== null) {
        const c = byN.get(+m[1]);
        if (!c || !grounded) continue;
        appendMarked(text, answerText, last, m.index, keys);
        text.append(this.chip(c, b.id));
        last = marker.lastIndex;
      }
      appendMarked(text, answerText, last, answerText.length, keys);
      if (grounded) {
        const list = el('ol', 'sources');
        list.setAttribute('aria-label', 'Sources');
        citations.slice().sort((x, y) => x.n - y.n).forEach((c) => {
          const li = el('li');
          li.value = c.n;
          const url = safeUrl(c.url);
          const title = el(url ? 'a' : 'span', 'title', str(c.title, 500) || 'Untitled article');
          if (url) this.link(title, url);
          this.describe(title, c, b.id);
          const meta = [str(c.source, 200), formatDate(c.publishedAt)].filter(Boolean).join(' · ');
          li.append(title);
          if (meta) li.append(' ', el('span', 'meta', '— ' + meta));
          const also = Array.isArray(c.alsoReportedBy) ? c.alsoReportedBy.filter((r) => typeof r === 'string') : [];
          if (also.length) li.append(' ', el('span', 'meta', '(also reported by ' + also.join(', ') + ')'));
          list.append(li);
        });
        b.append(list);
        // The passages, for screen readers: each chip and source is described by its own.
        citations.forEach((c) => {
          const d = el('span', null, str(c.snippet, 5000));
          d.id = b.id + '-p' + c.n;
          d.hidden = true;
          b.append(d);
        });
      }
      const conflicts = grounded && Array.isArray(a.conflicts) ? a.conflicts : [];
      conflicts.forEach((x) => {
        const who = (Array.isArray(x.claims) ? x.claims : []).map((k) => '[' + k.n + '] ' + (k.source || 'one report')
          + (k.publishedAt ? ', ' + formatDate(k.publishedAt) : '')).join(' vs ');
        b.append(el('p', 'conflict', 'Reports disagree on ' + str(x.about, 500) + (who ? ': ' + who : '')));
      });
      if (a.notice) b.append(el('p', 'notice', str(a.notice, 500)));
      if (ANSWER_ID.test(a.answerId)) b.append(this.rating(a, b.id));
    }

    /** 👍/👎 under an answer: buttons with names and a pressed state for screen readers; a 👎 offers a short comment. */
    rating(a, msgId) {
      const row = el('div', 'rate');
      row.setAttribute('role', 'group');
      row.setAttribute('aria-label', 'Was this answer useful?');
      row.append(el('span', null, 'Useful?'));
      const buttons = [['up', '👍', 'Yes, useful'], ['down', '👎', 'No, not useful']].map(([rating, face, name]) => {
        const btn = el('button', rating, face);
        btn.type = 'button';
        btn.setAttribute('aria-label', name);
        btn.setAttribute('aria-pressed', String(a.rating === rating));
        btn.addEventListener('click', () => {
          a.rating = rating;
          this.save();
          buttons.forEach((o) => o.setAttribute('aria-pressed', String(o === btn)));
          this.rate(a, null);
          const old = row.querySelector('form');
          if (old) old.remove();
          if (rating === 'down') row.append(this.commentForm(a, msgId));
        });
        row.append(btn);
        return btn;
      });
      return row;
    }

    commentForm(a, msgId) {
      const f = el('form');
      const input = el('input');
      input.id = msgId + '-c';
      input.maxLength = 500;
      const label = el('label', 'sr', 'What was wrong? (optional)');
      label.htmlFor = input.id;
      input.placeholder = 'What was wrong? (optional)';
      const send = el('button', 'send-comment', 'Send');
      send.type = 'submit';
      f.append(label, input, send);
      f.addEventListener('submit', (e) => {
        e.preventDefault();
        const comment = input.value.trim();
        if (comment) this.rate(a, comment);
        f.replaceWith(el('span', 'thanks', 'Thanks for telling us.'));
      });
      return f;
    }

    rate(a, comment) {
      const body = { answerId: a.answerId, rating: a.rating };
      if (comment) body.comment = comment.slice(0, 500);
      fetch(this.base + '/api/v1/feedback', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), credentials: 'omit', cache: 'no-store'
      }).then((r) => this.say(r.ok ? 'Thanks for your feedback.' : 'Your feedback could not be sent.'),
        () => this.say('Your feedback could not be sent.'));
    }

    chip(c, msgId) {
      const url = safeUrl(c.url);
      const chip = el(url ? 'a' : 'button', 'chip', c.n);
      if (url) this.link(chip, url);
      else chip.type = 'button';
      chip.setAttribute('aria-label', 'Source ' + c.n + ': ' + (str(c.title, 300) || 'article'));
      chip.dataset.n = c.n;
      this.describe(chip, c, msgId);
      return chip;
    }

    link(a, url) {
      a.href = url;
      a.target = '_blank';
      a.rel = 'noopener noreferrer';
    }

    /** The passage shows on hover and on keyboard focus, and is the element's accessible description. */
    describe(target, c, msgId) {
      target.setAttribute('aria-describedby', msgId + '-p' + c.n);
      const show = () => this.showTip(target, c);
      target.addEventListener('mouseenter', show);
      target.addEventListener('focus', show);
      target.addEventListener('mouseleave', () => this.hideTip());
      target.addEventListener('blur', () => this.hideTip());
      if (target.tagName === 'BUTTON') target.addEventListener('click', show);
    }

    showTip(target, c) {
      const tip = this.tip;
      tip.textContent = '';
      tip.append(el('b', null, str(c.title, 300)), '“' + str(c.snippet, 700) + (str(c.snippet).length > 700 ? '…' : '') + '”');
      tip.hidden = false;
      const r = target.getBoundingClientRect();
      const w = tip.offsetWidth;
      const h = tip.offsetHeight;
      const left = Math.max(8, Math.min(r.left, window.innerWidth - w - 8));
      const below = r.bottom + 6 + h <= window.innerHeight - 8;
      tip.style.left = left + 'px';
      tip.style.top = Math.max(8, below ? r.bottom + 6 : r.top - h - 6) + 'px';
    }

    hideTip() {
      this.tip.hidden = true;
    }

    problem(b, failure, question, attempt) {
      b.className = 'msg bot problem';
      b.dataset.state = failure.kind === 'rate' ? 'waiting' : 'error';
      b.textContent = '';
      const message = {
        rate: 'Lots of questions right now. Please wait a moment: asking again shortly.',
        network: "Couldn't reach the answer service. Check your connection and try again.",
        server: 'Something went wrong while answering. Please try again.',
        interrupted: 'This answer was interrupted. You can ask again.',
        refused: failure.detail || 'This question could not be answered.'
      }[failure.kind] || 'Something went wrong. Please try again.';
      const p = el('span', 'text', message);
      b.append(p);
      if (failure.kind === 'rate' && (attempt || 0) < MAX_AUTO_RETRIES) {
        let left = failure.retryAfter;
        const tick = () => {
          // Another question may be on its way meanwhile: this one waits its turn rather than being lost.
          if (left <= 0 && !this.busy) {
            b.remove();
            this.send(question, true, (attempt || 0) + 1);
            return;
          }
          p.textContent = 'Lots of questions right now. Please wait: asking again in ' + Math.max(1, left--) + ' s.';
          this.later(tick, 1000);
        };
        tick();
        this.say('Please wait: asking again in ' + failure.retryAfter + ' seconds.');
        return;
      }
      const retry = el('button', 'retry', 'Try again');
      retry.type = 'button';
      retry.addEventListener('click', () => {
        b.remove();
        this.send(question, true, 0);
      });
      b.append(retry);
      this.say(message);
    }

    later(fn, ms) {
      const t = setTimeout(() => {
        this.timers.delete(t);
        fn();
      }, ms);
      this.timers.add(t);
    }

    say(text) {
      this.status.textContent = text;
    }

    scrollDown(force) {
      const log = this.log;
      if (force || log.scrollHeight - log.scrollTop - log.clientHeight < 80) log.scrollTop = log.scrollHeight;
    }

    fit() {
      this.input.style.height = 'auto';
      this.input.style.height = Math.min(this.input.scrollHeight + 2, 120) + 'px';
    }

    setBusy(busy) {
      this.busy = busy;
      this.sendButton.disabled = busy;
      this.log.setAttribute('aria-busy', String(busy));
    }

    // -- asking --

    submit() {
      const question = this.input.value.trim();
      if (!question || this.busy) return;
      this.input.value = '';
      this.fit();
      this.send(question, false, 0);
    }

    async send(question, again, attempt) {
      if (this.busy) return;
      if (!again) {
        this.state.items.push({ role: 'user', text: question });
        this.save();
        this.userBubble(question);
      }
      this.setBusy(true);
      this.say('Writing an answer…');
      const b = this.bubble('bot streaming');
      b.dataset.state = 'streaming';
      const text = el('span', 'text');
      const written = document.createTextNode('');
      text.append(written);
      b.append(el('span', 'sr', 'Answer: '), text);
      this.scrollDown(true);
      const controller = this.controller = new AbortController();
      try {
        const done = await this.request(question, controller, (delta) => {
          written.appendData(delta);
          this.scrollDown(false);
        });
        this.state.id = ID_PATTERN.test(done.conversationId) ? done.conversationId : this.state.id;
        const item = {
          role: 'bot', answer: str(done.answer, 20000), answerId: ANSWER_ID.test(done.answerId) ? done.answerId : null, grounded: done.grounded === true, notice: done.notice ? str(done.notice, 500) : null,
          highlights: spans(done.highlights, 20000),
          citations: (Array.isArray(done.citations) ? done.citations : []).slice(0, 50).map((c) => ({
            n: Number(c && c.n), title: str(c.title, 500), url: safeUrl(c.url), source: str(c.source, 200),
            publishedAt: str(c.publishedAt, 40), snippet: str(c.snippet, 5000),
            alsoReportedBy: (Array.isArray(c.alsoReportedBy) ? c.alsoReportedBy : []).slice(0, 20).map((r) => str(r && r.source, 200)).filter(Boolean)
          })),
          // Text only, as everything else from the server: claims are quoted as plain strings, never as HTML.
          conflicts: (Array.isArray(done.conflicts) ? done.conflicts : []).slice(0, 5).map((x) => ({
            about: str(x && x.about, 500),
            claims: (Array.isArray(x && x.claims) ? x.claims : []).slice(0, 5).map((k) => ({
              n: Number(k && k.citation), source: str(k && k.source, 200), publishedAt: str(k && k.publishedAt, 40)
            }))
          }))
        };
        this.state.items.push(item);
        this.save();
        this.answer(b, item);
        this.say(item.grounded ? 'Answer ready, with ' + item.citations.length + ' sources.' : 'Answer ready: not in the articles.');
      } catch (e) {
        if (controller.signal.aborted) {
          b.remove();
          return;
        }
        const failure = e instanceof Failure ? e : new Failure('network');
        this.setBusy(false);
        this.problem(b, failure, question, attempt);
      } finally {
        if (this.controller === controller) {
          this.controller = null;
          this.setBusy(false);
        }
        this.scrollDown(false);
      }
    }

    /** Posts the question and follows the event stream; resolves with the done event's ask response. */
    async request(question, controller, onDelta) {
      const body = { question: question };
      if (this.state.id) body.conversationId = this.state.id;
      const response = await fetch(this.base + '/api/v1/chat', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify(body),
        credentials: 'omit',
        cache: 'no-store',
        signal: controller.signal
      });
      if (response.status === 429) {
        throw new Failure('rate', null, retryAfterSeconds(response.headers.get('Retry-After')));
      }
      if (!response.ok) {
        let detail = null;
        if (response.status < 500) {
          try {
            const p = await response.json();
            detail = typeof p.detail === 'string' ? p.detail.slice(0, 300) : null;
          } catch (e) {
            // not a problem body: say it plainly instead
          }
        }
        throw new Failure(response.status >= 500 ? 'server' : 'refused', detail);
      }
      if (!/text\/event-stream/.test(response.headers.get('Content-Type') || '') || !response.body) {
        throw new Failure('server');
      }
      let result = null;
      let failure = null;
      await readEvents(response, (name, data) => {
        if (name === 'delta' && data && typeof data.text === 'string') onDelta(data.text);
        else if (name === 'done' && data && typeof data.answer === 'string') result = data;
        else if (name === 'error') failure = new Failure(data && data.status === 429 ? 'rate' : 'server', null, 5);
      });
      if (failure) throw failure;
      if (!result) throw new Failure('interrupted');
      return result;
    }
  }

  // ---- start: from the script tag's data- attributes, or by Byline.init(options) ----

  const script = document.currentScript;
  const scriptSrc = script && script.src ? script.src : null;
  let current = null;
  let autoStart = null;

  const fromAttributes = () => {
    const o = {};
    KEYS.forEach((k) => {
      const v = script && script.getAttribute('data-byline-' + k);
      if (v != null) o[k] = v;
    });
    return o;
  };

  const whenReady = (fn) => {
    if (document.body) fn();
    else document.addEventListener('DOMContentLoaded', fn, { once: true });
  };

  const api = {
    version: '1',
    /** Starts the widget (replacing one already running) with these options; omitted ones come from the script tag. */
    init(options) {
      clearTimeout(autoStart);
      const o = Object.assign(fromAttributes(), options || {});
      whenReady(() => {
        if (current) current.destroy();
        current = new Widget(o, scriptSrc);
      });
      return api;
    },
    open() {
      if (current) current.open(true);
    },
    close() {
      if (current) current.close();
    },
    /** Opens the panel and asks this question. */
    ask(question) {
      if (!current || !str(question).trim()) return;
      current.open(true);
      current.send(str(question, 2000).trim(), false, 0);
    },
    /** Forgets the conversation and starts a new one. */
    reset() {
      if (current) current.reset();
    },
    destroy() {
      if (current) current.destroy();
      current = null;
    }
  };
  window.Byline = api;

  // After the current task, so a page that loads this script itself can call Byline.init() in its onload first.
  if (script) autoStart = setTimeout(() => api.init(), 0);
})();
