/** The one number module: exact 2-decimal arithmetic (integer cents on the hot paths, big.js elsewhere). */
export * from "./rounding";
export * from "./cents";
