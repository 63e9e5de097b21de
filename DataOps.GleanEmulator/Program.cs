namespace DataOps.GleanEmulator;

/// <summary>Entry point of the local Glean emulator.</summary>
internal static class Program
{
    /// <summary>Runs the emulator (default <c>http://127.0.0.1:7081</c>; <c>--urls</c> overrides).</summary>
    public static void Main(string[] args) => GleanEmulatorApp.Build(args).Run();
}
