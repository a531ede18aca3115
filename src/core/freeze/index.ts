export { freezeFormula, callsJx, type FreezeContext, type FreezeResult } from "./rewrite";
export { ZH_CN_NAMES, functionId } from "./names";
