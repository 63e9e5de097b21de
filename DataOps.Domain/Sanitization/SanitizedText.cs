namespace DataOps.Domain.Sanitization;

/// <summary>Text after sanitization and what was changed.</summary>
/// <param name="Text">The sanitized text.</param>
/// <param name="Report">Changes per rule.</param>
public sealed record SanitizedText(string Text, SanitizationReport Report);
