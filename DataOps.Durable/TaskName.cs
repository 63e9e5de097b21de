namespace DataOps.Durable;

/// <summary>The name of an orchestrator or activity, compared ordinally and case-insensitively.</summary>
/// <param name="Name">The name; never empty.</param>
public readonly record struct TaskName(string Name)
{
    /// <summary>Creates a task name from a string.</summary>
    public static implicit operator TaskName(string name) => new(name);

    /// <summary>Creates a task name from a string (named alternative to the implicit conversion).</summary>
    public static TaskName FromString(string name) => new(name);

    /// <summary>True when the name is empty or whitespace (the default value).</summary>
    public bool IsEmpty => string.IsNullOrWhiteSpace(Name);

    /// <inheritdoc />
    public bool Equals(TaskName other) => string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override int GetHashCode() => Name is null ? 0 : StringComparer.OrdinalIgnoreCase.GetHashCode(Name);

    /// <inheritdoc />
    public override string ToString() => Name ?? string.Empty;
}
