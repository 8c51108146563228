import relinkJobSchema from './relink-job/schema.json';

export const contentTypes = {
  'relink-job': { schema: relinkJobSchema },
};
