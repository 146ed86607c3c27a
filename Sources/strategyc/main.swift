import StrategyCommands

await StrategycMain.main()
