namespace DataOps.Domain.Sanitization;

/// <summary>A record after sanitization and what was changed.</summary>
/// <param name="Record">The sanitized record (a new dictionary; the input is not modified).</param>
/// <param name="Report">Changes per rule.</param>
public sealed record SanitizedRecord(IReadOnlyDictionary<string, object?> Record, SanitizationReport Report);
