using System.Text;
using DataOps.Glean.Documents;
using DataOps.Glean.Model;
using DataOps.Glean.Wire;

namespace DataOps.Glean;

/// <summary>
/// Picks the sample queries of a dataset from the documents the product indexes and names the documents each must find.
/// A query is a few words of one document's title, rarest first, until few documents carry them all in their title (at
/// most <see cref="MaxExpected"/>: the documents the query must find) and no more than one result page of documents
/// carry them all anywhere (so a search that answers with every match proves each expected document findable, whatever
/// the ranking). Queries come from documents spread over the dataset and name different documents where the dataset
/// allows it.
/// </summary>
internal static class SampleQueryPlanner
{
    /// <summary>Most documents one query names.</summary>
    public const int MaxExpected = 5;

    /// <summary>The result page a sample query asks for (Glean's largest).</summary>
    public const int PageSize = 100;

    /// <summary>Most words in one query.</summary>
    public const int MaxWords = 4;

    private const int MinimumWordLength = 4;
    private const string Ellipsis = "...";

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "this", "that", "with", "from", "have", "will", "your", "about", "into", "when", "what", "which",
        "there", "their", "they", "them", "then", "than", "been", "were", "also", "more", "some", "only",
    };

    public static IReadOnlyList<SampleQuery> Plan(GleanConnector connector, IEnumerable<IReadOnlyDictionary<string, object?>> records, int count)
    {
        var transformer = DocumentTransformers.For(connector.DatasetType);
        var context = new DocumentContext(connector);
        var ids = new List<string>();
        var titleWords = new List<string[]>();
        var inTitle = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        var anywhere = new Dictionary<string, HashSet<int>>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            if (record.GetValueOrDefault("id") is null)
            {
                continue;
            }

            var document = transformer.Transform(record, context);
            var index = ids.Count;
            ids.Add(document.Id);
            var words = TitleWords(document.Title).Where(IsQueryWord).Distinct(StringComparer.Ordinal).ToArray();
            titleWords.Add(words);
            foreach (var term in Terms(document.Title))
            {
                Posting(inTitle, term).Add(index);
            }

            foreach (var term in Searchable(document))
            {
                Posting(anywhere, term).Add(index);
            }
        }

        var queries = new List<SampleQuery>();
        var named = new HashSet<int>();

        // First pass: every query names documents no other query names; a second pass, only when the first found too
        // few, lets queries share documents.
        foreach (var disjoint in new[] { true, false })
        {
            foreach (var index in SpreadOrder(ids.Count))
            {
                if (queries.Count == count)
                {
                    return queries;
                }

                if ((disjoint && named.Contains(index)) || QueryFor(titleWords[index], inTitle, anywhere) is not { } query)
                {
                    continue;
                }

                if ((disjoint && query.Expected.Overlaps(named)) || queries.Any(q => q.Text == query.Text))
                {
                    continue;
                }

                named.UnionWith(query.Expected);
                queries.Add(new SampleQuery(query.Text, [.. query.Expected.Order().Select(i => ids[i])]));
            }
        }

        return queries;
    }

    /// <summary>Lower-case runs of letters and digits: how Glean (and the emulator) split text into terms.</summary>
    public static IEnumerable<string> Terms(string? text)
    {
        var current = new StringBuilder();
        foreach (var c in text ?? string.Empty)
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
            else if (current.Length > 0)
            {
                yield return current.ToString();
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            yield return current.ToString();
        }
    }

    private static (string Text, HashSet<int> Expected)? QueryFor(
        string[] words, Dictionary<string, HashSet<int>> inTitle, Dictionary<string, HashSet<int>> anywhere)
    {
        var chosen = new List<string>();
        HashSet<int>? titles = null, matches = null;
        foreach (var word in words.OrderBy(w => anywhere[w].Count).ThenBy(w => w, StringComparer.Ordinal).Take(MaxWords))
        {
            chosen.Add(word);
            titles = titles is null ? [.. inTitle[word]] : [.. titles.Intersect(inTitle[word])];
            matches = matches is null ? [.. anywhere[word]] : [.. matches.Intersect(anywhere[word])];
            if (titles.Count <= MaxExpected && matches.Count <= PageSize)
            {
                // In the order the words stand in the title, so the query reads like the title it came from.
                return (string.Join(' ', words.Where(chosen.Contains)), titles);
            }
        }

        return null;
    }

    /// <summary>0, n/2, n/4, 3n/4, ...: documents from all over the dataset before neighbours of the ones already taken.</summary>
    private static IEnumerable<int> SpreadOrder(int n)
    {
        var seen = new HashSet<int>();
        for (var step = n; step >= 1; step /= 2)
        {
            for (var i = 0; i < n; i += step)
            {
                if (seen.Add(i))
                {
                    yield return i;
                }
            }
        }

        for (var i = 0; i < n; i++)
        {
            if (seen.Add(i))
            {
                yield return i;
            }
        }
    }

    /// <summary>The title's terms; a title cut short with "..." loses its last, cut, word.</summary>
    private static List<string> TitleWords(string? title)
    {
        var terms = Terms(title).ToList();
        return title is not null && title.EndsWith(Ellipsis, StringComparison.Ordinal) && terms.Count > 0 ? terms[..^1] : terms;
    }

    private static HashSet<int> Posting(Dictionary<string, HashSet<int>> index, string term) =>
        index.TryGetValue(term, out var set) ? set : index[term] = [];

    private static bool IsQueryWord(string term) => term.Length >= MinimumWordLength && term.All(char.IsLetter) && !StopWords.Contains(term);

    private static IEnumerable<string> Searchable(DocumentDefinition d) =>
        Terms(d.Title).Concat(Terms(d.Body?.TextContent)).Concat(Terms(d.Summary?.TextContent)).Concat(Terms(d.Container))
            .Concat((d.Tags ?? []).SelectMany(Terms));
}
