import factCheckSchema from './fact-check/schema.json';
import flagSchema from './flag/schema.json';
import relinkJobSchema from './relink-job/schema.json';
import reviewEventSchema from './review-event/schema.json';

export const contentTypes = {
  'fact-check': { schema: factCheckSchema },
  flag: { schema: flagSchema },
  'relink-job': { schema: relinkJobSchema },
  'review-event': { schema: reviewEventSchema },
};
