/**
 * The Chrome build's manifest `key` (public half of an RSA key pair generated for Loupe).
 * Chrome derives the extension id from it, so every install of Loupe has the same id and the
 * daemon can allow exactly that origin.
 */
export const EXTENSION_PUBLIC_KEY =
  'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAsa4I6MQ7UZLEm5xuvxQOgodPsxaXyIcJrgx3QaMRWf3ep0otkngKAMi19ghjdKN6YtyNrueMIxgQjqibvydLEE4W6+9/3MZMpo8LKqEUyiODf+xwI17KGsBfzhqLO4y6mpipX1JfTMsonUJDTXFBZEWS3KJHdYe4znM2Al3OKNMcVF3jRjV4xBBYWaLvFi9PRKW5pX2VQKZu+nJAMJCJQogn2KXJ3FIERcEodxHlNKN+v+7z+eaOLQ28JowLiMZ2U/OLcwQ4Up99m3WiYaGEPZ+BTetNZXZoSQ5tk2XSuJ/8TPB/4TtcdXqi2QpPgBZE8KpPHujKw3Hh+iqwCWDPMwIDAQAB';

/** The Chrome extension id derived from {@link EXTENSION_PUBLIC_KEY}. */
export const CHROME_EXTENSION_ID = 'efkiebnikedhajkdecgmhidfckgpigpb';

/** The origin Chrome gives Loupe's pages and service worker. */
export const CHROME_EXTENSION_ORIGIN = `chrome-extension://${CHROME_EXTENSION_ID}`;

/** Firefox add-on id (its moz-extension:// origin is a per-install UUID, paired explicitly). */
export const GECKO_ADDON_ID = 'loupe@loupe.local';
