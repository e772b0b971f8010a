// The built-in memo lint rules, in the order their messages are easiest to read.
import actionRecommendation from './action-recommendation.js';
import blufLength from './bluf-length.js';
import blufRequired from './bluf-required.js';
import futureDate from './future-date.js';
import headingIncrement from './heading-increment.js';
import httpsLinks from './https-links.js';
import imageAlt from './image-alt.js';
import memoLength from './memo-length.js';
import noEmptySections from './no-empty-sections.js';
import recommendationWording from './recommendation-wording.js';
import type { LintPlugin } from '../rule.js';

export const builtInRules: LintPlugin[] = [blufRequired, blufLength, actionRecommendation, recommendationWording, headingIncrement, noEmptySections, imageAlt, httpsLinks, futureDate, memoLength];
