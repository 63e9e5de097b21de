using DataOps.MockData.Templates;
using System.Globalization;
using System.Text;

namespace DataOps.MockData.Generation;

/// <summary>Fills vocabulary patterns and composes titles and bodies within length limits.</summary>
internal static class TextComposer
{
    private static readonly string[] Quarters = ["Q1", "Q2", "Q3", "Q4"];

    /// <summary>Replaces <c>{topic}</c>, <c>{component}</c>, <c>{team}</c>, <c>{role}</c>, <c>{quarter}</c>, <c>{number}</c> and capitalises the first letter.</summary>
    public static string Fill(string pattern, GenerationVocabulary v, DeterministicRandom random)
    {
        var builder = new StringBuilder(pattern.Length + 32);
        var i = 0;
        while (i < pattern.Length)
        {
            var close = pattern[i] == '{' ? pattern.IndexOf('}', i) : -1;
            if (close < 0)
            {
                builder.Append(pattern[i++]);
                continue;
            }

            var name = pattern[(i + 1)..close];
            var value = Resolve(name, v, random);
            builder.Append(value ?? pattern[i..(close + 1)]);
            i = close + 1;
        }

        if (builder.Length > 0 && char.IsLower(builder[0]))
        {
            builder[0] = char.ToUpperInvariant(builder[0]);
        }

        return builder.ToString();
    }

    /// <summary>
    /// Joins filled sentences (between <paramref name="minSentences"/> and <paramref name="maxSentences"/>, more if
    /// needed to reach <paramref name="minLength"/>) into paragraphs, then fits the text to <paramref name="maxLength"/>.
    /// </summary>
    public static string Compose(IReadOnlyList<string> patterns, GenerationVocabulary v, DeterministicRandom random, int minSentences, int maxSentences, int minLength, int? maxLength, string? lead = null)
    {
        var builder = new StringBuilder(lead);
        var target = random.Between(minSentences, maxSentences);
        var unused = new List<int>(patterns.Count);
        for (var n = 0; (n < target || builder.Length < minLength) && n <= 10_000; n++)
        {
            // Draw without replacement so a body repeats a sentence only once the whole pool is used.
            if (unused.Count == 0)
            {
                unused.AddRange(Enumerable.Range(0, patterns.Count));
            }

            var slot = random.Next(unused.Count);
            var pick = unused[slot];
            unused.RemoveAt(slot);
            if (builder.Length > 0)
            {
                builder.Append(n % 3 == 0 ? "\n\n" : " ");
            }

            builder.Append(Fill(patterns[pick], v, random));
        }

        return Fit(builder.ToString(), maxLength);
    }

    /// <summary>Cuts text to at most <paramref name="maxLength"/> characters at a word boundary where one is near.</summary>
    public static string Fit(string text, int? maxLength)
    {
        if (maxLength is not { } max || text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1, Math.Min(max, 40));
        return text[..(cut > 0 ? cut : max)].TrimEnd(' ', ',', ';', ':', '-');
    }

    private static string? Resolve(string name, GenerationVocabulary v, DeterministicRandom random) => name switch
    {
        "topic" when v.Topics.Count > 0 => random.Pick(v.Topics),
        "component" when v.Components.Count > 0 => random.Pick(v.Components),
        "team" when v.Teams.Count > 0 => random.Pick(v.Teams),
        "role" when v.People.Count > 0 => random.Pick(v.People).Role.ToLower(CultureInfo.InvariantCulture),
        "quarter" => random.Pick(Quarters),
        "number" => random.Between(1, 52).ToString(CultureInfo.InvariantCulture),
        _ => null,
    };
}
