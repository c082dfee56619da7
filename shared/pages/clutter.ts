import type { Element } from './dom.ts';
import { hintsOf } from './dom.ts';

// What to leave out of a page before looking for its article. Hard drops go
// whatever they hold; soft clutter goes only if it does not hold most of the
// page's prose (a wrapper may carry a "sidebar" or "comments" class too).

const HARD_TAGS = new Set([
  'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video', 'audio',
  'button', 'select', 'input', 'textarea', 'option', 'head', 'link', 'meta', 'figcaption', 'dialog', 'map',
  'amp-ad', 'amp-analytics', 'amp-sidebar', 'amp-social-share', 'amp-consent', 'amp-sticky-ad', 'amp-embed',
  'amp-iframe', 'amp-pixel', 'amp-user-notification', 'amp-lightbox', 'amp-auto-ads', 'amp-list', 'amp-geo',
]);

const SOFT_TAGS = new Set(['nav', 'aside', 'header', 'footer', 'figure', 'menu', 'form']);

/** Class/id words that mark page furniture; matched anywhere in the hint string. */
const NEGATIVE_SUBSTRING =
  /comment|disqus|share|sharing|social|related|recommend|more-from|morefrom|most-read|mostread|most-popular|mostpopular|popular|trending|newsletter|subscri|signup|sign-up|promo|sponsor|advert|adslot|ad-slot|ad-container|adcontainer|adunit|ad-unit|dfp|gpt-ad|cookie|consent|gdpr|breadcrumb|sidebar|side-bar|outbrain|taboola|read-more|readmore|also-read|see-also|seealso|further-reading|paywall|modal|popup|overlay|visually-hidden|visuallyhidden|sr-only|screen-reader|skip-link|toolbar|print-only|jump-link|tags-list|taglist|author-bio|authorbio|pagination|pager|masthead|navbar|top-stories|topstories|more-stories|morestories|next-article|prev-article|you-may-like|recirc|inline-link|caption|credit|byline|dateline|timestamp|article-meta|post-meta|entry-meta|story-meta|meta-data|follow-us|followus|app-promo|donate/;

/**
 * Short class/id words that count only as the last word of a class ("ad",
 * "site-nav", but not "header-text" or WordPress's "tag-jobs" post classes).
 */
const NEGATIVE_WORD =
  /(^|[\s_-])(ad|ads|adv|nav|menu|tags|tag|topics|footer|header|foot|banner|widget|widgets|print|more|links|teaser|teasers|card-list|rail|aside|meta|utility|tools|alert|notice|survey|feedback|video|gallery|slideshow|carousel|login|signin|author|authors|kicker|rubric|category|label|eyebrow)(\s|$)/;

const POSITIVE =
  /article-?body|article__body|articlebody|article-?content|article__content|article-text|articletext|story-?body|story__body|storybody|story-?content|story-text|entry-content|entry-body|post-?content|post-?body|post__body|content-body|body-text|bodytext|main-content|maincontent|rich-?text|richtext|prose|text-body|article-?main|article-?container|news-?text|live-?blog|liveblog/;

/** Posts quoted into a story (tweets and the like) are part of what it says. */
const EMBEDDED_POST = /tweet|instagram-media|social-embed|social-media-embed|embedded-post|embed-post/;

export function isHardDrop(el: Element): boolean {
  if (HARD_TAGS.has(el.name)) return true;
  const a = el.attribs;
  if ('hidden' in a) return true;
  if (a['aria-hidden'] === 'true') return true;
  const style = a.style;
  if (style && /(display\s*:\s*none|visibility\s*:\s*hidden)/i.test(style)) return true;
  return false;
}

/**
 * Furniture that is never a story's wrapper, however much prose it holds
 * (a 50-photo gallery of captions can outweigh the story beside it).
 */
const STRONG =
  /comment|disqus|related|recommend|gallery|slideshow|carousel|newsletter|outbrain|taboola|most-read|mostread|most-popular|mostpopular|trending|more-stories|morestories|you-may-like|recirc|cookie|consent|legends/;

export function isStrongClutter(el: Element): boolean {
  const hints = hintsOf(el);
  return !!hints && STRONG.test(hints) && !POSITIVE.test(hints) && !EMBEDDED_POST.test(hints);
}

export function isSoftClutter(el: Element): boolean {
  if (SOFT_TAGS.has(el.name)) return true;
  const role = el.attribs.role;
  if (role && /^(navigation|banner|contentinfo|complementary|search|dialog|alert|menu|menubar|toolbar)$/i.test(role)) return true;
  // <article> and <main> carry taxonomy classes ("tag-x", "category-y") that read like furniture.
  if (el.name === 'article' || el.name === 'main' || el.name === 'body') return false;
  const hints = hintsOf(el);
  if (!hints) return false;
  if (POSITIVE.test(hints) || EMBEDDED_POST.test(hints)) return false;
  return NEGATIVE_SUBSTRING.test(hints) || NEGATIVE_WORD.test(hints);
}

/** Markers that an element is the article's own container. */
export function isArticleLike(el: Element): boolean {
  if (el.name === 'article' || el.name === 'main') return true;
  const a = el.attribs;
  if (a.itemprop && /articlebody|text/i.test(a.itemprop)) return true;
  if (a.role === 'main') return true;
  const hints = hintsOf(el);
  return !!hints && POSITIVE.test(hints);
}
