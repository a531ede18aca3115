export * from "./plan";
export * from "./notes";
