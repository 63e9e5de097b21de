using System.Diagnostics.CodeAnalysis;

namespace DataOps.Domain.Common;

/// <summary>A validated value object carried as a single string (ids and names); lets serializers round-trip it generically.</summary>
/// <typeparam name="TSelf">The value type itself.</typeparam>
public interface IStringValue<TSelf>
    where TSelf : struct, IStringValue<TSelf>
{
    /// <summary>The string form.</summary>
    string Value { get; }

    /// <summary>Validates and creates the value; on failure returns false and the reason.</summary>
    static abstract bool TryCreate(string? value, out TSelf result, [NotNullWhen(false)] out string? error);
}
