using System.Text.RegularExpressions;

namespace Pipeline.Components.Matching;

/// <summary>
/// Validates a token pattern (canonical token specs, see <see cref="PatternValues"/>) and compiles it into
/// <see cref="TokenStep"/>s. Every problem is reported through a <see cref="PatternFailure"/> naming the field,
/// e.g. <c>pattern[1].LOWER.IN[0]</c>.
/// </summary>
internal static class TokenPatternCompiler
{
    /// <summary>The most token specs one pattern may have (the matcher tracks its states in one 64-bit mask).</summary>
    public const int MaxSteps = 63;

    private const string Ops = "\"?\", \"*\", \"+\" or \"!\"";

    public static TokenStep[] Compile(IReadOnlyList<IReadOnlyDictionary<string, object?>> specs, PatternFailure fail)
    {
        if (specs.Count == 0)
        {
            throw fail("pattern", "is an empty list; give at least one token spec such as {\"LOWER\": \"apple\"}");
        }

        if (specs.Count > MaxSteps)
        {
            throw fail("pattern", $"has {specs.Count} token specs; at most {MaxSteps} are supported");
        }

        var steps = new TokenStep[specs.Count];
        for (var t = 0; t < specs.Count; t++)
        {
            var quantifier = Quantifier.One;
            var constraints = new List<TokenConstraint>();
            foreach (var (key, value) in specs[t])
            {
                var field = $"pattern[{t}].{key}";
                if (string.Equals(key, "OP", StringComparison.OrdinalIgnoreCase))
                {
                    quantifier = ParseOp(value, field, fail);
                }
                else if (TokenAttrValues.TryParse(key, out var attr))
                {
                    AddConstraints(attr, value, field, fail, constraints);
                }
                else
                {
                    throw fail(field, $"is not a known token attribute; use one of {TokenAttrValues.KnownNames}, or OP");
                }
            }

            steps[t] = new TokenStep([.. constraints], quantifier);
        }

        return steps;
    }

    private static Quantifier ParseOp(object? value, string field, PatternFailure fail) => value switch
    {
        "?" => Quantifier.Optional,
        "*" => Quantifier.ZeroOrMore,
        "+" => Quantifier.OneOrMore,
        "!" => Quantifier.Not,
        _ => throw fail(field, $"is {PatternValues.Describe(value)}; OP must be {Ops}"),
    };

    private static void AddConstraints(TokenAttr attr, object? value, string field, PatternFailure fail, List<TokenConstraint> output)
    {
        var kind = TokenAttrValues.KindOf(attr);
        if (value is not Dictionary<string, object?> predicates)
        {
            output.Add(new TokenConstraint(attr, ConstraintOp.Equal, Encode(value, kind, field, fail)));
            return;
        }

        if (predicates.Count == 0)
        {
            throw fail(field, "is an empty object; give a value or one of IN, NOT_IN, REGEX, ==, !=, >=, <=, >, <");
        }

        foreach (var (name, argument) in predicates)
        {
            var sub = $"{field}.{name}";
            switch (name.ToUpperInvariant())
            {
                case "IN" or "NOT_IN":
                    var list = argument as List<object?> ?? throw fail(sub, $"must be a list, not {PatternValues.Describe(argument)}");
                    var set = new HashSet<ulong>();
                    for (var j = 0; j < list.Count; j++)
                    {
                        set.Add(Encode(list[j], kind, $"{sub}[{j}]", fail));
                    }

                    var op = name.Equals("IN", StringComparison.OrdinalIgnoreCase) ? ConstraintOp.In : ConstraintOp.NotIn;
                    output.Add(new TokenConstraint(attr, op, 0, set));
                    break;
                case "REGEX":
                    output.Add(new TokenConstraint(attr, ConstraintOp.Regex, 0, regex: CompileRegex(attr, kind, argument, sub, fail)));
                    break;
                case "==" or "!=" or ">=" or "<=" or ">" or "<":
                    if (kind != AttrValueKind.Integer)
                    {
                        throw fail(sub, "compares numbers, but this attribute is not numeric (use it with LENGTH)");
                    }

                    output.Add(new TokenConstraint(attr, Comparison(name), Encode(argument, kind, sub, fail)));
                    break;
                default:
                    throw fail(sub, "is not a known predicate; use IN, NOT_IN, REGEX, ==, !=, >=, <=, > or <");
            }
        }
    }

    private static Regex CompileRegex(TokenAttr attr, AttrValueKind kind, object? argument, string field, PatternFailure fail)
    {
        if (kind != AttrValueKind.String)
        {
            throw fail(field, $"applies to text attributes; {attr} is not one");
        }

        if (argument is not string expression)
        {
            throw fail(field, $"must be a regular expression string, not {PatternValues.Describe(argument)}");
        }

        try
        {
            return new Regex(expression, RegexOptions.CultureInvariant, Pipeline.Tokenization.RegexSettings.MatchTimeout);
        }
        catch (ArgumentException e)
        {
            throw fail(field, $"is not a valid regular expression ({e.Message})");
        }
    }

    private static ConstraintOp Comparison(string name) => name switch
    {
        "==" => ConstraintOp.NumEqual,
        "!=" => ConstraintOp.NumNotEqual,
        ">=" => ConstraintOp.GreaterOrEqual,
        "<=" => ConstraintOp.LessOrEqual,
        ">" => ConstraintOp.Greater,
        _ => ConstraintOp.Less,
    };

    private static ulong Encode(object? value, AttrValueKind kind, string field, PatternFailure fail) => kind switch
    {
        AttrValueKind.String => value is string s
            ? StringStore.Hash(s)
            : throw fail(field, $"must be a string, not {PatternValues.Describe(value)}"),
        AttrValueKind.Bool => value is bool b
            ? (b ? 1UL : 0UL)
            : throw fail(field, $"must be true or false, not {PatternValues.Describe(value)}"),
        _ => value switch
        {
            long l => (ulong)l,
            double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => (ulong)(long)d,
            _ => throw fail(field, $"must be an integer, not {PatternValues.Describe(value)}"),
        },
    };
}
