/**
 * A product row's admission rules (card/admission/admission-rules.ts), made
 * once per row: ProductCache keeps one row object per product, and nothing a
 * rule reads changes after the product is created.
 */
import { admissionRules, type AdmissionRules } from '../../card/admission/admission-rules.js';
import type { Product } from '../catalog/product.entity.js';

const rulesByProduct = new WeakMap<Product, AdmissionRules>();

export function rulesOf(product: Product): AdmissionRules {
  let rules = rulesByProduct.get(product);
  if (!rules) {
    rules = admissionRules(product);
    rulesByProduct.set(product, rules);
  }
  return rules;
}
