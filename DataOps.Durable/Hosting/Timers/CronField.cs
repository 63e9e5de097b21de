using System.Globalization;

namespace DataOps.Durable.Hosting.Timers;

/// <summary>One field of a cron expression as the set of values it allows.</summary>
internal sealed class CronField
{
    private readonly bool[] _allowed;

    private CronField(bool[] allowed, bool isWildcard)
    {
        _allowed = allowed;
        IsWildcard = isWildcard;
    }

    public bool IsWildcard { get; }

    public bool Contains(int value) => value >= 0 && value < _allowed.Length && _allowed[value];

    /// <summary>Parses <c>*</c>, <c>?</c>, values, names, ranges <c>a-b</c>, steps <c>*/s</c>, <c>a/s</c>, <c>a-b/s</c> and comma lists.</summary>
    public static CronField Parse(string text, string fieldName, int min, int max, IReadOnlyList<string>? names, int nameBase, bool sundayIsSeven)
    {
        var allowed = new bool[max + 1];
        var wildcard = text is "*" or "?";
        foreach (var part in text.Split(','))
        {
            if (part.Length == 0)
            {
                throw new FormatException($"{fieldName} field '{text}' has an empty list item");
            }

            var slash = part.Split('/');
            if (slash.Length > 2)
            {
                throw new FormatException($"{fieldName} field item '{part}' has more than one '/'");
            }

            var step = 1;
            if (slash.Length == 2 && (!int.TryParse(slash[1], NumberStyles.None, CultureInfo.InvariantCulture, out step) || step < 1))
            {
                throw new FormatException($"{fieldName} field item '{part}' has an invalid step '{slash[1]}'");
            }

            int from, to;
            if (slash[0] is "*" or "?")
            {
                (from, to) = (min, max);
            }
            else
            {
                var range = slash[0].Split('-');
                if (range.Length > 2)
                {
                    throw new FormatException($"{fieldName} field item '{part}' is not a valid range");
                }

                from = Value(range[0], fieldName, min, max, names, nameBase, sundayIsSeven);
                to = range.Length == 2 ? Value(range[1], fieldName, min, max, names, nameBase, sundayIsSeven)
                    : slash.Length == 2 ? max : from;
                if (to < from)
                {
                    throw new FormatException($"{fieldName} field range '{slash[0]}' goes backwards");
                }
            }

            for (var v = from; v <= to; v += step)
            {
                allowed[v] = true;
            }
        }

        if (sundayIsSeven && allowed[7])
        {
            allowed[0] = true;
        }

        return new CronField(allowed, wildcard);
    }

    private static int Value(string token, string fieldName, int min, int max, IReadOnlyList<string>? names, int nameBase, bool sundayIsSeven)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var value))
        {
            var upper = sundayIsSeven ? 7 : max;
            return value >= min && value <= upper
                ? value
                : throw new FormatException($"{fieldName} value {value} is outside {min}-{upper}");
        }

        var index = names is null ? -1 : names.ToList().FindIndex(n => n.Equals(token, StringComparison.OrdinalIgnoreCase));
        return index >= 0 ? index + nameBase : throw new FormatException($"{fieldName} value '{token}' is not a number{(names is null ? string.Empty : " or name")}");
    }
}
