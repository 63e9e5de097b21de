using System.Diagnostics.CodeAnalysis;

namespace DataOps.Durable.Hosting;

/// <summary>
/// The orchestrators the durable engine runs, as the Durable management API's start endpoint needs them: by name, with
/// the type their input is read as.
/// </summary>
public interface IOrchestratorCatalog
{
    /// <summary>The registered orchestrator names.</summary>
    IReadOnlyCollection<string> OrchestratorNames { get; }

    /// <summary>Finds an orchestrator by name.</summary>
    /// <param name="name">The orchestrator name.</param>
    /// <param name="inputType">The type its input is deserialised as.</param>
    /// <returns>Whether an orchestrator of that name is registered.</returns>
    bool TryGetInputType(string name, [NotNullWhen(true)] out Type? inputType);
}
