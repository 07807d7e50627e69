// TEST ONLY, never shipped. Appended by the e2e harness to the REAL office.js from the @microsoft/office-js package
// (served offline in place of the CDN URL). Outside an Office client office.js initialises with host null and has no
// document or mailbox; this stand-in plays the host: it supplies the open document/mail from window.__fakeOffice
// (set by the test) and Office.onReady's host info. Enums (AsyncResultStatus, CoercionType, EventType) stay office.js's own.
(() => {
  const fake = window.__fakeOffice || { host: "Word", doc: { title: "", text: "", properties: {} } };
  const doc = fake.doc || { title: "", text: "", properties: {} };
  window.__fakeOffice = fake;
  fake.selections = [];
  fake.highlights = [];
  const ok = (value) => ({ status: Office.AsyncResultStatus.Succeeded, value });
  const item = fake.mail && {
    subject: fake.mailMode === "compose" ? { getAsync: (cb) => cb(ok(fake.mail.subject)) } : fake.mail.subject,
    body: { getAsync: (_t, cb) => cb(ok(fake.mail.body)) },
    to: { getAsync: (cb) => cb(ok((fake.mail.to || []).map((emailAddress) => ({ emailAddress })))) },
    internetMessageId: fake.mail.internetMessageId || "<x@y>",
    from: { emailAddress: "borger@example.dk" },
    categories: {
      getAsync: (cb) => cb(ok((fake.mail.categories ||= []).map((displayName) => ({ displayName })))),
      addAsync: (names, cb) => { fake.mail.categories.push(...names); cb(ok()); },
      removeAsync: (names, cb) => { fake.mail.categories = fake.mail.categories.filter((c) => !names.includes(c)); cb(ok()); },
    },
    loadCustomPropertiesAsync: (cb) => cb(ok({
      get: (k) => (fake.mail.props ||= {})[k], set: (k, v) => { (fake.mail.props ||= {})[k] = v; }, remove: (k) => { delete (fake.mail.props ||= {})[k]; },
      saveAsync: (cb2) => cb2(ok()),
    })),
  };

  const host = {
    displayLanguage: fake.displayLanguage || "da-DK",
    document: { addHandlerAsync: (_e, handler) => { fake.changed = handler; } },
    mailbox: item ? { item } : undefined,
  };
  const realOnReady = Office.onReady.bind(Office);
  Office.onReady = (callback) => realOnReady().then(() => {
    // office.js has set up Office.context by now; the host's parts are what an Office client would add.
    for (const [key, value] of Object.entries(host)) Object.defineProperty(Office.context, key, { value, configurable: true, writable: true });
    Office.auth = { getAccessToken: () => Promise.reject(new Error("no SSO in tests")) };
    const info = { host: fake.host, platform: "PC" };
    if (callback) callback(info);
    return info;
  });

  const prop = (key) => ({ key, get isNullObject() { return !(key in doc.properties); }, get value() { return doc.properties[key]; }, load() {} });
  const context = {
    document: {
      body: {
        get text() { return doc.text; }, load() {},
        search: (needle) => ({ getFirstOrNullObject: () => {
          const font = {};
          Object.defineProperty(font, "highlightColor", { set: (color) => fake.highlights.push({ needle, color }) });
          return { isNullObject: !doc.text.toLowerCase().includes(needle.toLowerCase()), load() {}, font, select: () => fake.selections.push(needle) };
        } }),
        // Word.InsertLocation "End": a new last paragraph.
        insertParagraph: (text, location) => {
          if (location !== "End") throw new Error(`stand-in supports insertParagraph(…, "End") only, not ${location}`);
          doc.text = `${doc.text}\n${text}`;
          return { font: {} };
        },
      },
      properties: {
        get title() { return doc.title; }, load() {},
        customProperties: { getItemOrNullObject: prop, add: (key, value) => { doc.properties[key] = value; } },
      },
    },
    sync: () => Promise.resolve(),
  };
  window.Word = { run: (fn) => fn(context) };
})();
