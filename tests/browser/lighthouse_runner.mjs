// Lighthouse over several URLs in one Chromium, one after another.
//
//   CHROME_PATH=/usr/bin/chromium node lighthouse_runner.mjs \
//       <out-dir> <mobile|desktop> <category,category> <chrome flags> <url>...
//
// Writes each URL's report (Lighthouse's JSON "LHR") to <out-dir>/<n>.json,
// n counting from 0 in the order given. Starting Chromium and Lighthouse once
// for all the URLs saves several seconds a page over one CLI run each.
// Nothing is downloaded: Chromium is the one CHROME_PATH names.
import { writeFile } from "node:fs/promises";
import path from "node:path";

import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const [outDir, preset, categories, chromeFlags, ...urls] = process.argv.slice(2);
if (!urls.length || !["mobile", "desktop"].includes(preset)) {
    console.error("usage: lighthouse_runner.mjs <out-dir> <mobile|desktop> <categories> <chrome flags> <url>...");
    process.exit(2);
}

const chrome = await chromeLauncher.launch({
    chromePath: process.env.CHROME_PATH,
    chromeFlags: chromeFlags.split(" ").filter(Boolean),
});
// Without the performance category nothing is timed: a quarter of a second
// of quiet after the load is enough, instead of Lighthouse's seconds.
const categoryList = categories.split(",");
const waits = categoryList.includes("performance")
    ? {}
    : {
          pauseAfterFcpMs: 250,
          pauseAfterLoadMs: 250,
          networkQuietThresholdMs: 250,
          cpuQuietThresholdMs: 250,
      };
let failed = false;
try {
    const config = preset === "desktop" ? desktopConfig : undefined;
    for (const [index, url] of urls.entries()) {
        const result = await lighthouse(
            url,
            {
                port: chrome.port,
                output: "json",
                logLevel: "error",
                onlyCategories: categoryList,
                disableFullPageScreenshot: true,
                ...waits,
            },
            config,
        );
        if (!result || !result.lhr) {
            console.error(`Lighthouse returned nothing for ${url}`);
            failed = true;
            continue;
        }
        await writeFile(path.join(outDir, `${index}.json`), JSON.stringify(result.lhr));
    }
} finally {
    await chrome.kill();
}
process.exit(failed ? 1 : 0);
