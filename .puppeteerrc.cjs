/**
 * Puppeteer's postinstall would download its own Chrome and fail the whole
 * `npm install` where that download is impossible (an offline or filtered
 * network). revue finds a browser at run time instead (src/print/find-browser.ts)
 * and `npm run browser` installs one when none is found, so the download is
 * skipped here. Set PUPPETEER_SKIP_DOWNLOAD=false to let puppeteer fetch it.
 * @type {import("puppeteer").Configuration}
 */
module.exports = {
  skipDownload: process.env.PUPPETEER_SKIP_DOWNLOAD !== 'false',
};
