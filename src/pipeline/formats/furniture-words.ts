/**
 * The words by which a web page marks what is not its article, in the project's three languages
 * (formats/html.ts). Sites that build their columns from plain divs carry no element or class that says
 * "aside"; what they do carry is a heading over the column ("Latest news", "Другие материалы", "相关新闻")
 * and a breadcrumb that starts with a fixed phrase ("当前位置：", "Вы здесь:"). Hand-written: no library
 * we know of keeps such lists for Russian and Chinese pages; each phrase is one a reader would recognise.
 */

/**
 * A heading (a line of its own) over dated headlines that belong to other pages: from it to the end of
 * the element around it, nothing is the article's. Compared case-folded, without a trailing colon.
 */
export const RELATED_HEADINGS: ReadonlySet<string> = new Set([
  // English
  'latest news',
  'latest',
  'related',
  'related news',
  'related articles',
  'related stories',
  'related content',
  'related links',
  'read also',
  'read more',
  'see also',
  'more news',
  'more stories',
  'recommended',
  'most read',
  'most popular',
  'popular',
  'top stories',
  'news feed',
  // Russian
  'другие материалы',
  'другие новости',
  'читайте также',
  'смотрите также',
  'см. также',
  'последние новости',
  'новости по теме',
  'материалы по теме',
  'похожие материалы',
  'ещё по теме',
  'еще по теме',
  'популярное',
  'самое читаемое',
  'лента новостей',
  // Chinese (simplified, then traditional)
  '相关新闻',
  '相关阅读',
  '相关链接',
  '相关报道',
  '延伸阅读',
  '推荐阅读',
  '最新消息',
  '最新新闻',
  '热点新闻',
  '热门新闻',
  '更多新闻',
  '猜你喜欢',
  '相關新聞',
  '相關閱讀',
  '相關報導',
  '延伸閱讀',
  '推薦閱讀',
  '最新消息',
  '熱門新聞',
  '更多新聞',
]);

/**
 * A line of a page's furniture, left out on its own: a breadcrumb ("当前位置：首页 > ...", "Вы здесь:
 * Главная / ...", "Home > News > ..."), a share bar ("分享到：微信 微博", "Поделиться:") or a copyright
 * notice ("© 2001–2024 ...", "版权所有：...", "Все права защищены"), whose years are not events.
 */
export const FURNITURE_LINE = new RegExp(
  [
    '^(?:当前位置|您现在的位置|您的位置|目前位置|現在位置|您現在的位置|you are here|вы здесь|вы находитесь)\\s*[:：]',
    '^(?:home|main|главная|首页|首頁)\\s*[>/»›|＞]',
    '^(?:分享到|分享至|share this|share|поделиться)\\s*[:：]',
    '^(?:©|\\(c\\)\\s|copyright\\b|版权所有|版權所有)',
    'all rights reserved|все права защищены',
  ].join('|'),
  'i',
);
