// Briefings that exercise what trips accessibility up, one per memo type: figures, tables,
// nested lists, callouts, notes, citations, Japanese passages and an author's :lang, a draft's
// watermark, marking blocks, a Japanese-language policy brief. Shared by the PDF/UA and the
// axe tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const rangesPng = readFileSync(fileURLToPath(new URL('../fixtures/content-model/ranges.png', import.meta.url)));

export const infoMemo = `---
type: info-memo
id: A11Y-INFO
title: "Alliance command upgrade: 統合作戦司令部 and U.S. Forces Japan"
date: 2024-07-29
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking: { level: UNCLASSIFIED }
bluf: "Japan's Joint Operations Command (統合作戦司令部) stands up in 2025."
sources:
  - { id: scc-2024, title: "Joint Statement of the Security Consultative Committee", url: "https://www.defense.gov/News/Releases/", accessed: 2024-07-29 }
tags: { regions: [EAP], countries: [US, JP], topics: [command] }
---

## Background

Japan will stand up the 統合作戦司令部 in March 2025, and the ministers called it 「2+2」の成果 progress.[^1] The joint statement is cited as [@scc-2024]. A French phrase: :lang[raison d'être]{lang=fr}.

:::note
A callout with *emphasis* and **strength**.
:::

:::quote{source="Kamikawa"}
Quoted text.
:::

- First point
  - Nested point
- Second point

Table: Offices consulted {#tbl:offices}

| Office | Position |
|---|---|
| EAP/J | Agrees |
| 防衛省 | Agrees |

:::figure{#fig:ranges}
![Map of missile ranges](ranges.png)

Missile ranges
:::

See [@fig:ranges] and [@tbl:offices], and [the release](https://www.defense.gov/News/Releases/).

### Detail

A deeper heading, one level down.

[^1]: News report, July 28, 2024.
`;

const background = (number: number) =>
  `${number}. (S//NF) The working-level Extended Deterrence Dialogue has met twice a year since 2010; this paragraph is long enough to fill several lines so that the memo runs onto a second page with its running header.`;

const draftAction = `---
type: action-memo
id: A11Y-ACTION
title: "(S) Follow-up to the ministerial meeting"
short_title: "(U) Ministerial follow-up"
date: 2024-07-31
to: [The Secretary]
from: { name: "J. Principal", office: "Bureau of East Asian and Pacific Affairs" }
marking:
  level: SECRET//NOFORN
  authority: { classified_by: "J. Principal, EAP", reason: "1.4(b), (d)", declassify_on: 20490731 }
status: draft
bluf: "(S//NF) We recommend three steps."
recommendations:
  - { text: "(S//NF) That you approve a standing ministerial session.", decide_by: 2024-08-09 }
  - { text: "(U) That you sign the letter at Tab A." }
attachments: ["Draft letter"]
---

## (U) Background

${Array.from({ length: 6 }, (_, index) => background(index + 1)).join('\n\n')}

:::figure{#fig:map}
![Map of missile ranges](ranges.png)

(U) Ranges of the missiles discussed
:::
`;

const cuiMemo = `---
type: info-memo
id: A11Y-CUI
title: "(CUI) Personnel changes in the coordination office"
date: 2024-07-30
to: [The Secretary]
from: { name: "A. Analyst", office: "Office of Japanese Affairs" }
marking:
  level: CUI
  cui: { controlled_by: "EAP/J", category: "PRVCY", distribution: "FEDCON", poc: "A. Analyst, 202-555-0100" }
bluf: "(CUI) Two posts change hands in August."
---

(CUI) The posts change hands on August 15.
`;

const japaneseBrief = `---
type: policy-brief
id: A11Y-BRIEF
title: "日米同盟の指揮統制"
subtitle: "U.S. Forces Japan と統合作戦司令部"
date: 2024-08-01
lang: ja-JP
authors:
  - { name: "M. Fellow", office: "Indo-Pacific Security Program" }
marking: { level: UNCLASSIFIED }
bluf: "在日米軍は統合軍司令部に改編される。"
key_points:
  - "日本は2024年度末までに統合作戦司令部を新設する。"
---

## 背景

在日米軍（U.S. Forces Japan）は統合軍司令部に改編される。[^1]

[^1]: 共同発表、2024年7月28日。
`;

export const a11yFixtures = { 'info.md': infoMemo, 'draft-action.md': draftAction, 'cui.md': cuiMemo, 'japanese-brief.md': japaneseBrief, 'ranges.png': rangesPng };

