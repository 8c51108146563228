import factCheckSchema from './fact-check/schema.json';
import flagSchema from './flag/schema.json';
import rejectedSuggestionSchema from './rejected-suggestion/schema.json';
import relinkJobSchema from './relink-job/schema.json';
import reviewEventSchema from './review-event/schema.json';

export const contentTypes = {
  'fact-check': { schema: factCheckSchema },
  flag: { schema: flagSchema },
  'rejected-suggestion': { schema: rejectedSuggestionSchema },
  'relink-job': { schema: relinkJobSchema },
  'review-event': { schema: reviewEventSchema },
};
