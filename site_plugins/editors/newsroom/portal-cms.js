// The portal's additions to Decap CMS (served at /quan-tri/ beside decap-cms.js):
// - the Vietnamese interface: Decap's own "vi" locale with the strings it lacks (window.PORTAL_VI,
//   vi.js, written from site_plugins/editors/newsroom/vi.json by scripts/cms_locale.py);
// - every text saved in NFC, and an entry's permanent `id` made from its title or name and date
//   by the portal's own slug rule (đ → d) when the editor left it empty.
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
  var PREFIX = { "tin-tuc": "tin", "htx": "htx", "van-ban": "vb" };
  CMS.registerEventListener({
    name: "preSave",
    handler: function (event) {
      var entry = event.entry, data = nfc(entry.get("data"));
      if (!data.get("id")) {
        var collection = entry.get("collection");
        var named = data.get("title") || data.get("name") || data.get("summary") || "";
        var day = String(data.get("date") || data.get("issued") || new Date().toISOString()).slice(0, 10);
        data = data.set("id", ((PREFIX[collection] || collection) + "-" + day + "-" + slug(named)).slice(0, 90).replace(/-+$/, ""));
      }
      return data;
    }
  });
  CMS.init();
})();
