using DataOps.Domain.Sanitization;

namespace DataOps.MockData.Sanitization;

/// <summary>What a sanitization run read and changed: record counts, changes per rule, refused lines.</summary>
public sealed class PilotSanitizationReport
{
    /// <summary>Most refused lines listed individually (all are counted).</summary>
    public const int MaxListedProblems = 50;

    private readonly List<string> _problems = [];

    /// <summary>Non-blank lines read.</summary>
    public int LinesRead { get; private set; }

    /// <summary>Records sanitized and passed on.</summary>
    public int RecordsSanitized { get; private set; }

    /// <summary>Lines refused (not JSON objects); they are never passed on.</summary>
    public int LinesRefused { get; private set; }

    /// <summary>Changes per rule.</summary>
    public SanitizationReport Changes { get; private set; } = SanitizationReport.Empty;

    /// <summary>Why lines were refused (line numbers and reasons, never content), at most <see cref="MaxListedProblems"/>.</summary>
    public IReadOnlyList<string> Problems => _problems;

    /// <summary>Counts per rule by wire name (<c>name_anonymized</c>, ...), every rule present.</summary>
    public IReadOnlyDictionary<string, int> CountsByRule
        => Changes.Counts.ToDictionary(p => Domain.Datasets.WireNames.ToWireName(p.Key), p => p.Value, StringComparer.Ordinal);

    internal void Sanitized(SanitizationReport changes)
    {
        LinesRead++;
        RecordsSanitized++;
        Changes = Changes.Add(changes);
    }

    internal void Refused(string reason)
    {
        LinesRead++;
        LinesRefused++;
        if (_problems.Count < MaxListedProblems)
        {
            _problems.Add(reason);
        }
    }
}
