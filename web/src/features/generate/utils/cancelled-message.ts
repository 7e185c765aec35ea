// What a cancelled job says (the queue says it at once; error-advice.ts, loaded on the first
// failure, says the rest).
export const CANCELLED_MESSAGE = 'Generation cancelled. Your prompt and settings are unchanged; press Generate to run it again.';
