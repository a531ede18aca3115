/** Entry of the browser preview (webpack entry `preview`, page preview.html). */
import { createRoot } from "react-dom/client";
import { PreviewApp } from "./PreviewApp";

const container = document.getElementById("container");
if (container) createRoot(container).render(<PreviewApp />);
