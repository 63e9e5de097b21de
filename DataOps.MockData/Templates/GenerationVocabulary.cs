namespace DataOps.MockData.Templates;

/// <summary>
/// The <c>generation</c> section of a template: the words and shapes the generator draws from. Placeholders in
/// patterns (<c>{topic}</c>, <c>{component}</c>, <c>{team}</c>, <c>{role}</c>, <c>{quarter}</c>, <c>{number}</c>) are
/// filled from the lists here.
/// </summary>
public sealed record GenerationVocabulary
{
    /// <summary>How the values of one field are spread over the dataset; null when the template sets none.</summary>
    public ContentMix? Mix { get; init; }

    /// <summary>Subjects the content is about.</summary>
    public IReadOnlyList<string> Topics { get; init; } = [];

    /// <summary>Systems and products named in the content.</summary>
    public IReadOnlyList<string> Components { get; init; } = [];

    /// <summary>Team names.</summary>
    public IReadOnlyList<string> Teams { get; init; } = [];

    /// <summary>Labels / tags.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Fictional authors, owners, assignees.</summary>
    public IReadOnlyList<PersonProfile> People { get; init; } = [];

    /// <summary>Body sentences (patterns).</summary>
    public IReadOnlyList<string> Sentences { get; init; } = [];

    /// <summary>Title (or description) patterns per mix value; the key <c>*</c> applies to any value.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Titles { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Containers: Confluence space keys, Jira project keys, the GitHub organisation.</summary>
    public IReadOnlyList<string> Containers { get; init; } = [];

    /// <summary>Programming languages (GitHub).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>Repository name prefixes (GitHub).</summary>
    public IReadOnlyList<string> NamePrefixes { get; init; } = [];

    /// <summary>Repository name nouns (GitHub).</summary>
    public IReadOnlyList<string> NameNouns { get; init; } = [];

    /// <summary>README sections (GitHub, patterns).</summary>
    public IReadOnlyList<string> ReadmeSections { get; init; } = [];

    /// <summary>Chat message patterns (Slack).</summary>
    public IReadOnlyList<string> Messages { get; init; } = [];

    /// <summary>Share of Slack messages that reply in a thread, in [0, 1].</summary>
    public double ThreadReplyShare { get; init; }

    /// <summary>Fewest sentences in a generated body.</summary>
    public int MinBodySentences { get; init; } = 3;

    /// <summary>Most sentences in a generated body.</summary>
    public int MaxBodySentences { get; init; } = 8;

    /// <summary>Base URL of generated links (a reserved example domain).</summary>
    public string BaseUrl { get; init; } = "https://docs.example.com";

    /// <summary>How many days before the base date the generated history starts.</summary>
    public int HistoryDays { get; init; } = 365;

    /// <summary>Value pools for extra fields, by field name.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Values { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Title patterns for a mix value, falling back to <c>*</c>, then to the first list.</summary>
    public IReadOnlyList<string> TitlesFor(string? mixValue)
    {
        if (mixValue is not null && Titles.TryGetValue(mixValue, out var own))
        {
            return own;
        }

        return Titles.TryGetValue("*", out var any) ? any : Titles.Values.FirstOrDefault() ?? [];
    }
}
