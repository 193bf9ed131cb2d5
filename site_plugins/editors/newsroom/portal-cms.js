// The portal's additions to Decap CMS (served at /quan-tri/ beside decap-cms.js):
// - the Vietnamese interface: Decap's own "vi" locale with the strings it lacks (window.PORTAL_VI,
//   vi.js, written from site_plugins/editors/newsroom/vi.json by scripts/cms_locale.py);
// - every text saved in NFC, and an entry's permanent `id` made from its title or name and date
//   by the portal's own slug rule (đ → d) when the editor left it empty; RULES, written in by
//   site_plugins/editors/cms.py from the entry kinds' own rule, gives each collection's shape.
(function () {
  "use strict";
  var CMS = window.CMS;
  CMS.registerLocale("vi", window.PORTAL_VI);  // Decap's own vi, completed (scripts/cms_locale.py)
  function slug(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d")
      .toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  }
  function nfc(value) {
    if (typeof value === "string") return value.normalize("NFC");
    if (value && typeof value.map === "function" && typeof value.get === "function") return value.map(nfc);
    return value;
  }
  var RULES = /* RULES */ {};  // collection → [template, how many words of the title (0: all)]
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry, data = nfc(entry.get("data"));
      var rule = RULES[entry.get("collection")];
      if (rule && !data.get("id")) {
        var words = slug(data.get("title") || data.get("name") || data.get("summary") || "").split("-");
        var day = String(data.get("date") || data.get("issued") || new Date().toISOString()).slice(0, 10);
        words = (rule[1] ? words.slice(0, rule[1]) : words).join("-") || "moi";
        data = data.set("id", rule[0].replace("{date}", day).replace("{words}", words));
      }
      return data;
    }
  });
  CMS.init();
})();
