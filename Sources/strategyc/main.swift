import StrategyCommands

StrategycMain.main()
