// Counts in words: "1 image", "2 images", never "1 images".
export const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
