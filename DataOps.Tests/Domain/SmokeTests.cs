namespace DataOps.Tests.Domain;

public sealed class SmokeTests
{
    [Fact]
    public void Build_Solution_Compiles() => Assert.True(typeof(SmokeTests).Assembly.GetName().Name == "DataOps.Tests");
}
