using DataOps.Glean.Documents;
using DataOps.Glean.Model;
using DataOps.Domain.Datasets;

namespace DataOps.Glean;

/// <summary>
/// The ten sample queries per dataset type. Defaults are words the type's content is expected to use;
/// <see cref="FromRecords"/> picks words the records actually contain, which is what the validation
/// should normally use.
/// </summary>
public static class SampleQueries
{
    /// <summary>How many queries a validation runs.</summary>
    public const int Count = 10;

    private const int MinimumWordLength = 4;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "this", "that", "with", "from", "have", "will", "your", "about", "into", "when", "what", "which",
        "there", "their", "they", "them", "then", "than", "been", "were", "also", "more", "some", "only",
    };

    /// <summary>Default query terms of a dataset type.</summary>
    public static IReadOnlyList<string> Defaults(DatasetType type) => type switch
    {
        DatasetType.ConfluencePages => ["onboarding", "architecture", "engineering", "design", "meeting notes", "product", "process", "guide", "release", "team"],
        DatasetType.GithubRepos => ["service", "api", "library", "README", "build", "client", "tool", "test", "data", "deploy"],
        DatasetType.SlackMessages => ["deploy", "meeting", "review", "thanks", "update", "question", "release", "help", "today", "team"],
        DatasetType.JiraIssues => ["bug", "feature", "task", "story", "fix", "login", "error", "performance", "release", "support"],
        DatasetType.Custom => ["policy", "report", "guide", "overview", "process", "summary", "plan", "review", "document", "team"],
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "unknown dataset type"),
    };

    /// <summary>
    /// Up to <paramref name="count"/> distinct words the records contain: from their titles first (most frequent
    /// first), then from their bodies, and only then the type's defaults.
    /// </summary>
    public static IReadOnlyList<string> FromRecords(DatasetType type, IEnumerable<IReadOnlyDictionary<string, object?>> records, int count = Count)
    {
        string[] fields = type switch
        {
            DatasetType.GithubRepos => ["name", "description", "readme"],
            DatasetType.SlackMessages => ["text"],
            DatasetType.JiraIssues => ["summary", "description"],
            _ => ["title", "body"],
        };
        var views = records.Select(r => new RecordView(r)).ToList();
        var words = new List<string>();
        foreach (var field in fields)
        {
            words.AddRange(WordsOf(views.Select(v => v.Text(field))).Where(w => !words.Contains(w)));
        }

        words.AddRange(Defaults(type).Where(d => !words.Contains(d, StringComparer.OrdinalIgnoreCase)));
        return words.Take(count).ToList();
    }

    /// <summary>
    /// Up to <paramref name="count"/> queries built from the documents the product indexes from <paramref name="records"/>
    /// into <paramref name="connector"/>, each naming the documents it must find (see <see cref="SampleQueryPlanner"/>).
    /// Fewer than <paramref name="count"/> when the records do not carry enough distinctive words.
    /// </summary>
    public static IReadOnlyList<SampleQuery> Plan(GleanConnector connector, IEnumerable<IReadOnlyDictionary<string, object?>> records, int count = Count)
    {
        ArgumentNullException.ThrowIfNull(connector);
        ArgumentNullException.ThrowIfNull(records);
        return SampleQueryPlanner.Plan(connector, records, count);
    }

    private static IEnumerable<string> WordsOf(IEnumerable<string?> texts) =>
        texts
            .SelectMany(t => (t ?? string.Empty).Split((char[])[' ', '\t', '\n', '-', '_', '.', ',', ':', ';', '/', '(', ')', '"', '\'', '!', '?', '#'], StringSplitOptions.RemoveEmptyEntries))
            .Where(w => w.Length >= MinimumWordLength && w.All(char.IsLetter) && !StopWords.Contains(w))
            .GroupBy(w => w.ToLowerInvariant(), StringComparer.Ordinal)
            .OrderByDescending(g => g.Count())
            .ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => g.Key);
}
