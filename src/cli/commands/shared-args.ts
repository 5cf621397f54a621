export const dataArg = { type: 'string', description: 'The workspace data folder', default: 'data', valueHint: 'DIR' } as const;
export const yearArg = { type: 'string', description: 'The year to report on (default: the latest year folder)', valueHint: 'YYYY' } as const;
