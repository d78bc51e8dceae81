import { DefaultValueConverter, type CstNode, type GrammarAST, type ValueType } from 'langium';

/**
 * Percents are written `80%` and stored as fractions (0.8), as the language contract says.
 */
export class ProductSpecValueConverter extends DefaultValueConverter {
    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        if (rule.name === 'PERCENT') {
            return parseFloat(input.slice(0, -1)) / 100;
        }
        return super.runConverter(rule, input, cstNode);
    }
}
